// BG/NBD scoring in log space: P(alive) as a logistic of the log-odds of dropout, and the expected visits in the
// next t days with the Gaussian hypergeometric 2F1 summed with a running scale (log 2F1), so that neither the
// heterogeneous fits of real data nor the degenerate ones (a, b in the millions) overflow. The NBD limit (no
// dropout) scores P(alive) = 1 and E[X(t)] = (r + x) t / (alpha + T).
import type { BgParams } from './bgnbd';

/** ln(1 + e^v) without overflow. */
export function softplus(v: number): number {
  return v > 0 ? v + Math.log1p(Math.exp(-v)) : Math.log1p(Math.exp(v));
}

/** ln(e^u + e^v) without overflow. */
export function logSumExp(u: number, v: number): number {
  const m = Math.max(u, v);
  if (m === -Infinity) return -Infinity;
  return m + Math.log(Math.exp(u - m) + Math.exp(v - m));
}

const SCALE = 1e200;
const LN_SCALE = Math.log(SCALE);

/**
 * ln 2F1(a, b; c; z) for 0 <= z < 1 and c > 0, by the power series with a running rescale (the partial sums of a
 * slowly converging series, e.g. (1-z)^-(r+x) for a big x, exceed the double range long before the terms shrink).
 * The series must have a positive sum (true for the BG/NBD arguments below). Stops when the terms, past their
 * peak, no longer change the sum.
 */
export function logHyp2f1(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 0;
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let k = 0; k < 1_000_000; k++) {
    const ratio = (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    term *= ratio;
    sum += term;
    if (Math.abs(sum) > SCALE) {
      sum /= SCALE;
      term /= SCALE;
      logScale += LN_SCALE;
    }
    if (term === 0 || (Math.abs(ratio) < 1 && Math.abs(term) <= 1e-16 * Math.abs(sum) && k > 2)) break;
  }
  return logScale + Math.log(sum);
}

/** 2F1(a, b; c; z) (kept for callers that want the value; overflows only where the value itself does). */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  return Math.exp(logHyp2f1(a, b, c, z));
}

/** Log-odds that a customer with x > 0 has dropped out: ln(a / (b + x - 1)) + (r + x) ln((alpha + T) / (alpha + t_x)). */
export function logOddsDropout(p: BgParams, x: number, tx: number, T: number): number {
  return Math.log(p.a) - Math.log(p.b + x - 1) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx));
}

/** Probability that a customer with these statistics is still active. */
export function pAlive(p: BgParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return Math.exp(-softplus(logOddsDropout(p, x, tx, T)));
}

/** Above this a the Euler-transformed series needs about a z terms; the plain series converges like (1 - p z)^-(r+x). */
const EULER_MAX_A = 1000;

/**
 * ln of ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z), z = t/(α+T+t): the chance-weighted tail of the
 * expectation. For moderate a, Euler's transformation (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), whose terms decay
 * without first growing; for huge a (a degenerate fit) the plain series, whose terms are all positive.
 */
export function logTail(p: BgParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const ln1z = Math.log(alpha + T) - Math.log(alpha + T + t);
  if (a < EULER_MAX_A) return (a - 1) * ln1z + logHyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z);
  return (r + x) * ln1z + logHyp2f1(r + x, b + x, a + b + x - 1, z);
}

/**
 * Expected visits in the next t days given (x, t_x, T):
 * E = (a+b+x-1)/(a-1) [1 - tail] / (1 + [x > 0] a/(b+x-1) ((α+T)/(α+t_x))^(r+x)).
 * 1 - tail is taken as -expm1(ln tail) so a tail next to 1 (dropout close to zero) keeps its digits.
 */
export function expectedVisits(p: BgParams, t: number, x: number, tx: number, T: number): number {
  const { a, b } = p;
  if (t <= 0) return 0;
  const num = ((a + b + x - 1) / (a - 1)) * -Math.expm1(logTail(p, t, x, T));
  const logDen = x > 0 ? softplus(logOddsDropout(p, x, tx, T)) : 0;
  return num * Math.exp(-logDen);
}

/** The NBD limit (no dropout): the Gamma posterior of the visit rate, E[X(t) | x, T] = (r + x) t / (alpha + T). */
export function nbdExpectedVisits(p: { r: number; alpha: number }, t: number, x: number, T: number): number {
  return ((p.r + x) * t) / (p.alpha + T);
}
