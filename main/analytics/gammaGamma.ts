// Gamma-Gamma spend model (Fader, Hardie & Lee 2005) over repeat customers: log-likelihood with the sums that do
// not depend on the parameters taken once, a Nelder-Mead fit on log-parameters, and the expected average spend.
import type { FitInfo } from './bgnbd';
import { bfgs } from './optimize';
import { digamma, lnGamma } from './special';

export interface GgParams {
  p: number;
  q: number;
  v: number;
}

export interface GgStats {
  n: number;
  /** Repeat visits and mean repeat-visit value per customer (x > 0 and m > 0 only). */
  x: Float64Array;
  mx: Float64Array;
  /** Customers per distinct x. */
  xValues: Float64Array;
  xCounts: Float64Array;
  sumLnM: number;
  sumXLnM: number;
  sumXLnX: number;
  meanM: number;
}

/** Keeps customers with x > 0 and a positive mean value (the model's support). */
export function prepareGg(x: ArrayLike<number>, m: ArrayLike<number>): GgStats {
  const keep: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] > 0 && m[i] > 0 && Number.isFinite(m[i])) keep.push(i);
  const xs = new Float64Array(keep.length);
  const mx = new Float64Array(keep.length);
  const counts = new Map<number, number>();
  let sumLnM = 0;
  let sumXLnM = 0;
  let sumXLnX = 0;
  let sumM = 0;
  keep.forEach((i, k) => {
    xs[k] = x[i];
    mx[k] = m[i] * x[i];
    const lm = Math.log(m[i]);
    sumLnM += lm;
    sumXLnM += x[i] * lm;
    sumXLnX += x[i] * Math.log(x[i]);
    sumM += m[i];
    counts.set(x[i], (counts.get(x[i]) ?? 0) + 1);
  });
  return {
    n: keep.length,
    x: xs,
    mx,
    xValues: Float64Array.from(counts.keys()),
    xCounts: Float64Array.from(counts.values()),
    sumLnM,
    sumXLnM,
    sumXLnX,
    meanM: keep.length ? sumM / keep.length : 0,
  };
}

export function ggLogLik(par: GgParams, s: GgStats): number {
  const { p, q, v } = par;
  if (!(p > 0 && q > 0 && v > 0)) return -Infinity;
  let ll = -s.n * lnGamma(q) + s.n * q * Math.log(v) + p * s.sumXLnM - s.sumLnM + p * s.sumXLnX;
  for (let k = 0; k < s.xValues.length; k++) ll += s.xCounts[k] * (lnGamma(p * s.xValues[k] + q) - lnGamma(p * s.xValues[k]));
  const { x, mx } = s;
  for (let i = 0; i < x.length; i++) ll -= (p * x[i] + q) * Math.log(v + mx[i]);
  return ll;
}

/** Log-likelihood and its gradient in (p, q, v). */
export function ggLogLikGrad(par: GgParams, s: GgStats): { ll: number; grad: [number, number, number] } {
  const { p, q, v } = par;
  if (!(p > 0 && q > 0 && v > 0)) return { ll: -Infinity, grad: [NaN, NaN, NaN] };
  const lnV = Math.log(v);
  let ll = -s.n * lnGamma(q) + s.n * q * lnV + p * s.sumXLnM - s.sumLnM + p * s.sumXLnX;
  let dp = s.sumXLnM + s.sumXLnX;
  let dq = -s.n * digamma(q) + s.n * lnV;
  let dv = (s.n * q) / v;
  for (let k = 0; k < s.xValues.length; k++) {
    const x = s.xValues[k];
    const c = s.xCounts[k];
    ll += c * (lnGamma(p * x + q) - lnGamma(p * x));
    const psiSum = digamma(p * x + q);
    dp += c * x * (psiSum - digamma(p * x));
    dq += c * psiSum;
  }
  const { x, mx } = s;
  for (let i = 0; i < x.length; i++) {
    const vm = v + mx[i];
    const l = Math.log(vm);
    const px = p * x[i] + q;
    ll -= px * l;
    dp -= x[i] * l;
    dq -= l;
    dv -= px / vm;
  }
  return { ll, grad: [dp, dq, dv] };
}

/** Maximum-likelihood fit by BFGS on log-parameters with the analytic gradient. */
export function fitGammaGamma(s: GgStats): GgParams & FitInfo {
  if (s.n === 0) throw new Error('no repeat customers with a positive spend to fit');
  const toParams = (w: number[]): GgParams => ({ p: Math.exp(w[0]), q: Math.exp(w[1]), v: Math.exp(w[2]) });
  const res = bfgs(
    (w) => {
      const par = toParams(w);
      const { ll, grad } = ggLogLikGrad(par, s);
      return { f: -ll / s.n, g: [(-grad[0] * par.p) / s.n, (-grad[1] * par.q) / s.n, (-grad[2] * par.v) / s.n] };
    },
    [Math.log(2), Math.log(3), Math.log(Math.max(s.meanM, 1))],
  );
  return { ...toParams(res.x), logLik: -res.f * s.n, iterations: res.iterations, converged: res.converged };
}

/** Expected average value of a customer's future visits given x repeat visits of mean value m (population mean at x = 0). */
export function expectedAverageValue(par: GgParams, x: number, m: number): number {
  const { p, q, v } = par;
  if (!(x > 0 && m > 0)) return (p * v) / (q - 1);
  return (p * (v + m * x)) / (p * x + q - 1);
}
