import { describe, expect, it } from 'vitest';
import { bgLogLik, bgLogLikGrad, fitBgNbd, prepareBg, type BgParams } from './bgnbd';
import { expectedVisits, hyp2f1, pAlive } from './bgnbdScore';
import { expectedAverageValue, fitGammaGamma, ggLogLik, ggLogLikGrad, prepareGg, type GgParams } from './gammaGamma';
import { bfgs, nelderMead } from './optimize';
import { digamma, lnGamma } from './special';

/** Small seeded PRNG and the distributions the simulation needs. */
function rng(seed: number) {
  let s = seed >>> 0;
  const u = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296 + 1e-12;
  };
  const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * Math.pow(u(), 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const beta = (a: number, b: number) => {
    const x = gamma(a);
    return x / (x + gamma(b));
  };
  return { u, gamma, beta };
}

/** Customers acquired over two years, buying as BG/NBD + Gamma-Gamma say; also their visits in a 90-day holdout. */
function simulate(n: number, bg: BgParams, gg: GgParams, seed = 42) {
  const R = rng(seed);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const m = new Float64Array(n);
  const holdout = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    T[i] = 30 + R.u() * 700;
    const lambda = R.gamma(bg.r) / bg.alpha;
    const p = R.beta(bg.a, bg.b);
    const nu = R.gamma(gg.q) / gg.v;
    let t = 0;
    let alive = true;
    let spend = 0;
    while (alive) {
      t += -Math.log(R.u()) / lambda;
      if (t > T[i] + 90) break;
      if (t <= T[i]) {
        x[i]++;
        tx[i] = t;
        spend += R.gamma(gg.p) / nu;
      } else holdout[i]++;
      alive = R.u() >= p;
    }
    m[i] = x[i] > 0 ? spend / x[i] : 0;
  }
  return { x, tx, T, m, holdout };
}

const trueBg: BgParams = { r: 0.5, alpha: 20, a: 0.8, b: 3 };
const trueGg: GgParams = { p: 6, q: 4, v: 60 };

describe('BG/NBD + Gamma-Gamma', () => {
  const sim = simulate(30_000, trueBg, trueGg);

  it('recovers simulated BG/NBD parameters by maximum likelihood', () => {
    const fit = fitBgNbd(prepareBg(sim.x, sim.tx, sim.T));
    expect(fit.converged).toBe(true);
    expect(fit.r).toBeGreaterThan(trueBg.r * 0.85);
    expect(fit.r).toBeLessThan(trueBg.r * 1.15);
    expect(fit.alpha).toBeGreaterThan(trueBg.alpha * 0.8);
    expect(fit.alpha).toBeLessThan(trueBg.alpha * 1.2);
    expect(fit.a).toBeGreaterThan(trueBg.a * 0.7);
    expect(fit.a).toBeLessThan(trueBg.a * 1.3);
    expect(fit.b).toBeGreaterThan(trueBg.b * 0.7);
    expect(fit.b).toBeLessThan(trueBg.b * 1.3);
    // the optimum: the true parameters are not more likely than the fit
    expect(fit.logLik).toBeGreaterThanOrEqual(bgLogLik(trueBg, prepareBg(sim.x, sim.tx, sim.T)));
    // and the conditional expectation predicts the holdout visits in aggregate
    let predicted = 0;
    let actual = 0;
    for (let i = 0; i < sim.x.length; i++) {
      predicted += expectedVisits(fit, 90, sim.x[i], sim.tx[i], sim.T[i]);
      actual += sim.holdout[i];
    }
    expect(Math.abs(predicted - actual) / actual).toBeLessThan(0.05);
  });

  it('recovers simulated Gamma-Gamma parameters', () => {
    const fit = fitGammaGamma(prepareGg(sim.x, sim.m));
    expect(fit.converged).toBe(true);
    expect(fit.p).toBeGreaterThan(trueGg.p * 0.8);
    expect(fit.p).toBeLessThan(trueGg.p * 1.2);
    expect(fit.q).toBeGreaterThan(trueGg.q * 0.75);
    expect(fit.q).toBeLessThan(trueGg.q * 1.25);
    expect(fit.v).toBeGreaterThan(trueGg.v * 0.7);
    expect(fit.v).toBeLessThan(trueGg.v * 1.3);
    expect(expectedAverageValue(fit, 0, 0)).toBeCloseTo((fit.p * fit.v) / (fit.q - 1), 10);
  });

  it('gives the same likelihood with tabulated and direct logarithms', () => {
    const xs = [0, 0, 1, 3, 7, 2];
    const txs = [0, 0, 12, 40, 300, 5];
    const Ts = [10, 400, 50, 90, 365, 5];
    const tab = prepareBg(xs, txs, Ts);
    const direct = { ...tab, integral: false };
    expect(tab.integral).toBe(true);
    expect(bgLogLik(trueBg, tab)).toBeCloseTo(bgLogLik(trueBg, direct), 9);
    // and equal to the textbook formula written with lnΓ
    const { r, alpha, a, b } = trueBg;
    let ll = 0;
    xs.forEach((x, i) => {
      const A = lnGamma(r + x) - lnGamma(r) + r * Math.log(alpha) + lnGamma(a + b) + lnGamma(b + x) - lnGamma(b) - lnGamma(a + b + x);
      const t1 = Math.exp(-(r + x) * Math.log(alpha + Ts[i]));
      const t2 = x > 0 ? (a / (b + x - 1)) * Math.exp(-(r + x) * Math.log(alpha + txs[i])) : 0;
      ll += A + Math.log(t1 + t2);
    });
    expect(bgLogLik(trueBg, tab)).toBeCloseTo(ll, 8);
  });

  it('scores P(alive) and expected visits with the closed forms', () => {
    expect(pAlive(trueBg, 0, 0, 100)).toBe(1);
    expect(pAlive(trueBg, 5, 300, 301)).toBeGreaterThan(pAlive(trueBg, 5, 30, 301));
    // Euler's transformation agrees with the plain series where both converge quickly
    const p = { r: 0.7, alpha: 30, a: 1.6, b: 2.2 };
    const x = 2;
    const T = 200;
    const t = 60;
    const z = t / (p.alpha + T + t);
    const plain = Math.pow(1 - z, p.r + x) * hyp2f1(p.r + x, p.b + x, p.a + p.b + x - 1, z);
    const euler = Math.pow(1 - z, p.a - 1) * hyp2f1(p.a + p.b - 1 - p.r, p.a - 1, p.a + p.b + x - 1, z);
    expect(euler).toBeCloseTo(plain, 12);
    // a brand-new customer's expectation is the population's: E[X(t)] = (a+b-1)/(a-1) (1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t)))
    const pop = ((p.a + p.b - 1) / (p.a - 1)) * (1 - Math.pow(p.alpha / (p.alpha + t), p.r) * hyp2f1(p.r, p.b, p.a + p.b - 1, t / (p.alpha + t)));
    expect(expectedVisits(p, t, 0, 0, 0)).toBeCloseTo(pop, 10);
    expect(expectedVisits(p, 365, 3, 100, 120)).toBeGreaterThan(expectedVisits(p, 90, 3, 100, 120));
  });

  it('has analytic gradients that match finite differences', () => {
    const small = simulate(500, trueBg, trueGg, 3);
    const bs = prepareBg(small.x, small.tx, small.T);
    const p = { r: 0.6, alpha: 25, a: 1.1, b: 2.5 };
    const g = bgLogLikGrad(p, bs).grad;
    (['r', 'alpha', 'a', 'b'] as const).forEach((k, i) => {
      const h = 1e-6 * p[k];
      const up = bgLogLik({ ...p, [k]: p[k] + h }, bs);
      const down = bgLogLik({ ...p, [k]: p[k] - h }, bs);
      expect(g[i]).toBeCloseTo((up - down) / (2 * h), 3);
    });
    const gs = prepareGg(small.x, small.m);
    const q = { p: 5, q: 3, v: 50 };
    const gg = ggLogLikGrad(q, gs);
    expect(gg.ll).toBeCloseTo(ggLogLik(q, gs), 8);
    (['p', 'q', 'v'] as const).forEach((k, i) => {
      const h = 1e-6 * q[k];
      expect(gg.grad[i]).toBeCloseTo((ggLogLik({ ...q, [k]: q[k] + h }, gs) - ggLogLik({ ...q, [k]: q[k] - h }, gs)) / (2 * h), 3);
    });
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 12);
    expect(digamma(10.5)).toBeCloseTo((lnGamma(10.5 + 1e-5) - lnGamma(10.5 - 1e-5)) / 2e-5, 6);
  });

  it('minimises known functions with Nelder-Mead and BFGS', () => {
    const rosen = (v: number[]) => (1 - v[0]) ** 2 + 100 * (v[1] - v[0] ** 2) ** 2;
    const r = nelderMead(rosen, [-1.2, 1]);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 4);
    expect(r.x[1]).toBeCloseTo(1, 4);
    const b = bfgs((v) => ({ f: rosen(v), g: [-2 * (1 - v[0]) - 400 * v[0] * (v[1] - v[0] ** 2), 200 * (v[1] - v[0] ** 2)] }), [-1.2, 1]);
    expect(b.converged).toBe(true);
    expect(b.x[0]).toBeCloseTo(1, 5);
    expect(b.evaluations).toBeLessThan(r.evaluations);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });
});
