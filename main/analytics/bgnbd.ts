// BG/NBD (Fader, Hardie & Lee 2005): log-likelihood over columns of (x, t_x, T) and the maximum-likelihood fit
// (BFGS on log-parameters); the scoring closed forms are in bgnbdScore.ts.
// Time is in days. Terms that depend only on x are summed per distinct x; with whole-day ages ln(alpha + T) is
// tabulated per evaluation: a pass over a million customers is a few table look-ups and one exp/log each.
import { bfgs } from './optimize';

export interface BgParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgStats {
  n: number;
  /** Customers without repeat visits, grouped by T (their likelihood depends on T only). */
  zeroT: Float64Array;
  zeroW: Float64Array;
  /** Customers with repeat visits, and how many of them have each x (index = x). */
  x: Float64Array;
  xCount: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  maxX: number;
  maxT: number;
  /** All ages are whole numbers (days), so ln(alpha + age) can be tabulated. */
  integral: boolean;
  meanX: number;
  meanT: number;
}

/** Splits the columns into the zero-repeat groups and the repeaters; validates 0 <= t_x <= T, x >= 0. */
export function prepareBg(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>): BgStats {
  const n = x.length;
  let repeaters = 0;
  let integral = true;
  let maxT = 0;
  let maxX = 0;
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < n; i++) {
    if (!(Number.isInteger(x[i]) && x[i] >= 0 && tx[i] >= 0 && T[i] >= tx[i])) throw new Error(`invalid BG/NBD statistics at row ${i}: x=${x[i]} t_x=${tx[i]} T=${T[i]}`);
    if (x[i] > 0) repeaters++;
    if (!Number.isInteger(T[i]) || !Number.isInteger(tx[i])) integral = false;
    maxT = Math.max(maxT, T[i]);
    maxX = Math.max(maxX, x[i]);
    sumX += x[i];
    sumT += T[i];
  }
  integral &&= maxT <= 1_000_000;
  const zeros = new Map<number, number>();
  const xCount = new Float64Array(maxX + 1);
  const rx = new Float64Array(repeaters);
  const rtx = new Float64Array(repeaters);
  const rT = new Float64Array(repeaters);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (x[i] > 0) {
      rx[k] = x[i];
      rtx[k] = tx[i];
      rT[k] = T[i];
      xCount[x[i]]++;
      k++;
    } else zeros.set(T[i], (zeros.get(T[i]) ?? 0) + 1);
  }
  return {
    n,
    zeroT: Float64Array.from(zeros.keys()),
    zeroW: Float64Array.from(zeros.values()),
    x: rx,
    xCount,
    tx: rtx,
    T: rT,
    maxX,
    maxT,
    integral,
    meanX: n ? sumX / n : 0,
    meanT: n ? sumT / n : 0,
  };
}

export interface FitInfo {
  logLik: number;
  iterations: number;
  converged: boolean;
}

/** Log-likelihood and its gradient in (r, alpha, a, b). */
export function bgLogLikGrad(p: BgParams, s: BgStats): { ll: number; grad: [number, number, number, number] } {
  const { r, alpha, a, b } = p;
  if (!(r > 0 && alpha > 0 && a > 0 && b > 0)) return { ll: -Infinity, grad: [NaN, NaN, NaN, NaN] };
  const lnAlpha = Math.log(alpha);
  let ll = 0;
  let dr = 0;
  let dal = 0;
  let da = 0;
  let db = 0;
  // x-only terms, summed over customers by x: cumulative sums of ln / reciprocals of (r+k), (b+k), (a+b+k)
  let ax = 0;
  let sr = 0;
  let sb = 0;
  let sab = 0;
  const lnB1 = new Float64Array(s.maxX + 1);
  const invB1 = new Float64Array(s.maxX + 1);
  for (let k = 1; k <= s.maxX; k++) {
    ax += Math.log(r + k - 1) + Math.log(b + k - 1) - Math.log(a + b + k - 1);
    sr += 1 / (r + k - 1);
    sb += 1 / (b + k - 1);
    sab += 1 / (a + b + k - 1);
    lnB1[k] = Math.log(b + k - 1);
    invB1[k] = 1 / (b + k - 1);
    const c = s.xCount[k];
    if (c) {
      ll += c * (ax + r * lnAlpha);
      dr += c * (sr + lnAlpha);
      dal += (c * r) / alpha;
      da -= c * sab;
      db += c * (sb - sab);
    }
  }
  let lnAge: Float64Array | null = null;
  let invAge: Float64Array | null = null;
  if (s.integral) {
    lnAge = new Float64Array(s.maxT + 1);
    invAge = new Float64Array(s.maxT + 1);
    for (let d = 0; d <= s.maxT; d++) {
      lnAge[d] = Math.log(alpha + d);
      invAge[d] = 1 / (alpha + d);
    }
  }
  for (let i = 0; i < s.zeroT.length; i++) {
    const T = s.zeroT[i];
    const w = s.zeroW[i];
    const lT = lnAge ? lnAge[T] : Math.log(alpha + T);
    const iT = invAge ? invAge[T] : 1 / (alpha + T);
    ll += w * r * (lnAlpha - lT);
    dr += w * (lnAlpha - lT);
    dal += w * r * (1 / alpha - iT);
  }
  const lnA = Math.log(a);
  const { x, tx, T } = s;
  let sumW2 = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const rx = r + xi;
    const lT = lnAge ? lnAge[T[i]] : Math.log(alpha + T[i]);
    const lt = lnAge ? lnAge[tx[i]] : Math.log(alpha + tx[i]);
    const iT = invAge ? invAge[T[i]] : 1 / (alpha + T[i]);
    const it = invAge ? invAge[tx[i]] : 1 / (alpha + tx[i]);
    const l1 = -rx * lT;
    const l2 = lnA - lnB1[xi] - rx * lt;
    // log(e^l1 + e^l2) and the softmax weight of the second term, without overflow
    let w2: number;
    if (l1 >= l2) {
      const e = Math.exp(l2 - l1);
      ll += l1 + Math.log1p(e);
      w2 = e / (1 + e);
    } else {
      const e = Math.exp(l1 - l2);
      ll += l2 + Math.log1p(e);
      w2 = 1 / (1 + e);
    }
    const w1 = 1 - w2;
    dr -= w1 * lT + w2 * lt;
    dal -= rx * (w1 * iT + w2 * it);
    sumW2 += w2;
    db -= w2 * invB1[xi];
  }
  da += sumW2 / a;
  return { ll, grad: [dr, dal, da, db] };
}

/** Total log-likelihood of the BG/NBD model. */
export function bgLogLik(p: BgParams, s: BgStats): number {
  return bgLogLikGrad(p, s).ll;
}

function subsample(s: BgStats, every: number): BgStats {
  const keep = (_: number, i: number) => i % every === 0;
  const x = s.x.filter(keep);
  const xCount = new Float64Array(s.maxX + 1);
  for (const v of x) xCount[v]++;
  return { ...s, zeroW: s.zeroW.map((w) => w / every), x, xCount, tx: s.tx.filter(keep), T: s.T.filter(keep), n: s.n / every };
}

function bfgsFit(s: BgStats, start: number[]) {
  const toParams = (v: number[]): BgParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) });
  const res = bfgs((v) => {
    const p = toParams(v);
    const { ll, grad } = bgLogLikGrad(p, s);
    return { f: -ll / s.n, g: [(-grad[0] * p.r) / s.n, (-grad[1] * p.alpha) / s.n, (-grad[2] * p.a) / s.n, (-grad[3] * p.b) / s.n] };
  }, start);
  return { res, params: toParams(res.x) };
}

/**
 * Maximum-likelihood BG/NBD fit: BFGS on log-parameters with the analytic gradient. Over large data a fit on a
 * systematic 1-in-k sample gives the start point, so the passes over all customers are few.
 */
export function fitBgNbd(s: BgStats): BgParams & FitInfo {
  if (s.n === 0) throw new Error('no customers to fit');
  const r0 = 0.5;
  let start = [Math.log(r0), Math.log((r0 * Math.max(s.meanT, 1)) / Math.max(s.meanX, 0.05)), Math.log(0.8), Math.log(2.5)];
  let iterations = 0;
  if (s.n > 200_000) {
    const warm = bfgsFit(subsample(s, Math.ceil(s.n / 100_000)), start);
    if (warm.res.x.every(Number.isFinite)) start = warm.res.x;
    iterations += warm.res.iterations;
  }
  const { res, params } = bfgsFit(s, start);
  return { ...params, logLik: -res.f * s.n, iterations: iterations + res.iterations, converged: res.converged };
}
