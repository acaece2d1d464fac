// Nelder-Mead simplex minimisation (no derivatives), with restarts from the best point until a restart no longer
// improves: the usual guard against the simplex collapsing early. Used on log-parameters of the CLV models.

export interface MinimizeOptions {
  /** Initial simplex step per coordinate (default 0.5). */
  step?: number;
  maxIterations?: number;
  /** Stop when the simplex's function values differ by less than this (absolute, default 1e-10). */
  fTol?: number;
  /** ... and its points by less than this in every coordinate (default 1e-8). */
  xTol?: number;
  /** Restarts allowed after convergence (default 3). */
  restarts?: number;
}

export interface MinimizeResult {
  x: number[];
  f: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

function run(fn: (x: number[]) => number, x0: number[], step: number, maxIter: number, fTol: number, xTol: number) {
  const n = x0.length;
  let evals = 0;
  const f = (x: number[]) => {
    evals++;
    const v = fn(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += step;
    pts.push(p);
  }
  let vals = pts.map(f);
  let iter = 0;
  let converged = false;
  const combine = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i] - ai));
  while (iter < maxIter) {
    iter++;
    const order = vals.map((v, i) => i).sort((i, j) => vals[i] - vals[j]);
    const sp = order.map((i) => pts[i]);
    const sv = order.map((i) => vals[i]);
    pts.splice(0, pts.length, ...sp);
    vals = sv;
    const spreadF = Math.abs(vals[n] - vals[0]);
    let spreadX = 0;
    for (let i = 1; i <= n; i++) for (let k = 0; k < n; k++) spreadX = Math.max(spreadX, Math.abs(pts[i][k] - pts[0][k]));
    if (spreadF <= fTol && spreadX <= xTol) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) centroid[k] += pts[i][k] / n;
    const worst = pts[n];
    const xr = combine(centroid, worst, -1);
    const fr = f(xr);
    if (fr < vals[0]) {
      const xe = combine(centroid, worst, -2);
      const fe = f(xe);
      if (fe < fr) [pts[n], vals[n]] = [xe, fe];
      else [pts[n], vals[n]] = [xr, fr];
    } else if (fr < vals[n - 1]) {
      [pts[n], vals[n]] = [xr, fr];
    } else {
      const outside = fr < vals[n];
      const xc = outside ? combine(centroid, xr, 0.5) : combine(centroid, worst, 0.5);
      const fc = f(xc);
      if (fc < (outside ? fr : vals[n])) {
        [pts[n], vals[n]] = [xc, fc];
      } else {
        for (let i = 1; i <= n; i++) {
          pts[i] = combine(pts[0], pts[i], 0.5);
          vals[i] = f(pts[i]);
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i <= n; i++) if (vals[i] < vals[best]) best = i;
  return { x: pts[best], f: vals[best], iterations: iter, evaluations: evals, converged };
}

/** Minimises fn from x0. Non-finite values count as +Infinity (outside the feasible region). */
export function nelderMead(fn: (x: number[]) => number, x0: number[], o: MinimizeOptions = {}): MinimizeResult {
  const maxIter = o.maxIterations ?? 5000;
  const fTol = o.fTol ?? 1e-10;
  const xTol = o.xTol ?? 1e-8;
  let r = run(fn, x0, o.step ?? 0.5, maxIter, fTol, xTol);
  let iterations = r.iterations;
  let evaluations = r.evaluations;
  for (let k = 0; k < (o.restarts ?? 3) && iterations < maxIter; k++) {
    const again = run(fn, r.x, Math.max(0.05, (o.step ?? 0.5) / 4), maxIter - iterations, fTol, xTol);
    iterations += again.iterations;
    evaluations += again.evaluations;
    const improved = again.f < r.f - Math.max(fTol, 1e-12 * Math.abs(r.f));
    if (again.f <= r.f) r = { ...again, converged: again.converged };
    if (!improved) break;
  }
  return { x: r.x, f: r.f, iterations, evaluations, converged: r.converged };
}

export interface BfgsOptions {
  maxIterations?: number;
  /** Stop when every gradient component is below this (default 1e-8). */
  gTol?: number;
  /** ... or when the value changes by less than this, relative, twice in a row (default 1e-13). */
  fTol?: number;
}

/**
 * Quasi-Newton BFGS with an Armijo backtracking line search, for smooth objectives with an analytic gradient.
 * Far fewer evaluations than a simplex when each evaluation is a pass over a million customers.
 */
export function bfgs(fg: (x: number[]) => { f: number; g: number[] }, x0: number[], o: BfgsOptions = {}): MinimizeResult {
  const n = x0.length;
  const maxIter = o.maxIterations ?? 200;
  const gTol = o.gTol ?? 1e-8;
  const fTol = o.fTol ?? 1e-13;
  const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);
  const identity = (): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let x = x0.slice();
  let cur = fg(x);
  let evals = 1;
  if (!Number.isFinite(cur.f) || cur.g.some((v) => !Number.isFinite(v))) return { x, f: cur.f, iterations: 0, evaluations: evals, converged: false };
  let H = identity();
  let first = true;
  let small = 0;
  let iter = 0;
  let converged = false;
  while (iter < maxIter) {
    iter++;
    if (Math.max(...cur.g.map(Math.abs)) < gTol) {
      converged = true;
      break;
    }
    let d = H.map((row) => -dot(row, cur.g));
    let slope = dot(cur.g, d);
    if (!(slope < 0)) {
      H = identity();
      d = cur.g.map((v) => -v);
      slope = dot(cur.g, d);
    }
    let t = 1;
    let next: { f: number; g: number[] } | null = null;
    let xn = x;
    for (let k = 0; k < 60; k++) {
      xn = x.map((v, i) => v + t * d[i]);
      const trial = fg(xn);
      evals++;
      if (Number.isFinite(trial.f) && trial.g.every(Number.isFinite) && trial.f <= cur.f + 1e-4 * t * slope) {
        next = trial;
        break;
      }
      t *= 0.5;
    }
    if (!next) break;
    const s = xn.map((v, i) => v - x[i]);
    const y = next.g.map((v, i) => v - cur.g[i]);
    const sy = dot(s, y);
    const change = Math.abs(cur.f - next.f) / Math.max(1, Math.abs(cur.f));
    x = xn;
    cur = next;
    if (sy > 1e-16) {
      if (first) {
        const scale = sy / dot(y, y);
        H = H.map((row) => row.map((v) => v * scale));
        first = false;
      }
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      H = H.map((row, i) => row.map((v, j) => v + ((sy + yHy) * s[i] * s[j]) / (sy * sy) - (Hy[i] * s[j] + s[i] * Hy[j]) / sy));
    }
    small = change < fTol ? small + 1 : 0;
    if (small >= 2) {
      converged = true;
      break;
    }
  }
  return { x, f: cur.f, iterations: iter, evaluations: evals, converged };
}
