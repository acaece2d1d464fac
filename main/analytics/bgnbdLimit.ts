// When the BG/NBD fit is degenerate (a and b run off towards infinity: the Beta of dropout probabilities collapses
// to a point or the optimiser never settles), the NBD without dropout is fitted too and a likelihood-ratio test
// decides whether the data identify any dropout at all. The decision and a note for the owner go with the model.
import type { LocalizedText } from '../../shared/types';
import { createFormatter } from '../../shared/format';
import type { BgParams, BgStats, FitInfo } from './bgnbd';
import { bfgs } from './optimize';

/** a + b above this: the spread of dropout probabilities between customers is below ~1 % of their mean. */
export const DEGENERATE_AB = 1000;
/** chi-square(1) at 95 %: the one parameter the BG/NBD adds in the limit (the common dropout probability). */
const LR_CRITICAL = 3.841458820694124;

export interface NbdParams {
  r: number;
  alpha: number;
}

/** NBD log-likelihood (visits as a Poisson process with Gamma rates, no dropout) and its gradient in (r, alpha). */
export function nbdLogLikGrad(p: NbdParams, s: BgStats): { ll: number; grad: [number, number] } {
  const { r, alpha } = p;
  if (!(r > 0 && alpha > 0)) return { ll: -Infinity, grad: [NaN, NaN] };
  const lnAlpha = Math.log(alpha);
  let ll = 0;
  let dr = 0;
  let dal = 0;
  let lnRise = 0;
  let invRise = 0;
  for (let k = 1; k <= s.maxX; k++) {
    lnRise += Math.log(r + k - 1);
    invRise += 1 / (r + k - 1);
    const c = s.xCount[k];
    if (c) {
      ll += c * lnRise;
      dr += c * invRise;
    }
  }
  for (let i = 0; i < s.zeroT.length; i++) {
    const w = s.zeroW[i];
    const lT = Math.log(alpha + s.zeroT[i]);
    ll += w * r * (lnAlpha - lT);
    dr += w * (lnAlpha - lT);
    dal += w * (r / alpha - r / (alpha + s.zeroT[i]));
  }
  for (let i = 0; i < s.x.length; i++) {
    const rx = r + s.x[i];
    const lT = Math.log(alpha + s.T[i]);
    ll += r * lnAlpha - rx * lT;
    dr += lnAlpha - lT;
    dal += r / alpha - rx / (alpha + s.T[i]);
  }
  return { ll, grad: [dr, dal] };
}

export function fitNbd(s: BgStats): NbdParams & FitInfo {
  const toParams = (v: number[]): NbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]) });
  const res = bfgs(
    (v) => {
      const p = toParams(v);
      const { ll, grad } = nbdLogLikGrad(p, s);
      return { f: -ll / s.n, g: [(-grad[0] * p.r) / s.n, (-grad[1] * p.alpha) / s.n] };
    },
    [Math.log(0.5), Math.log((0.5 * Math.max(s.meanT, 1)) / Math.max(s.meanX, 0.05))],
  );
  return { ...toParams(res.x), logLik: -res.f * s.n, iterations: res.iterations, converged: res.converged };
}

export type Scoring = 'bgnbd' | 'nbd';

export interface ScoringChoice {
  scoring: Scoring;
  degenerate: boolean;
  nbd: (NbdParams & FitInfo) | null;
  notes: LocalizedText[];
}

const pct = (v: number, locale: 'pt-BR' | 'en') => createFormatter({ locale }).percent(v, 1);

/** Whether a BG/NBD fit is usable as it is, only with one dropout probability for all, or not at all (NBD). */
export function chooseScoring(bg: BgParams & FitInfo, s: BgStats): ScoringChoice {
  const finite = [bg.r, bg.alpha, bg.a, bg.b, bg.logLik].every(Number.isFinite);
  const degenerate = !finite || !bg.converged || bg.a + bg.b > DEGENERATE_AB;
  if (!degenerate) return { scoring: 'bgnbd', degenerate, nbd: null, notes: [] };
  const nbd = fitNbd(s);
  const lr = finite ? 2 * (bg.logLik - nbd.logLik) : 0;
  if (!(lr >= LR_CRITICAL)) {
    return {
      scoring: 'nbd',
      degenerate,
      nbd,
      notes: [
        {
          'pt-BR':
            'Os dados não mostram quando os clientes deixam de vir (o ajuste do abandono não converge): todos contam como ativos e as visitas esperadas seguem só o ritmo de cada cliente.',
          en: 'The data do not show when customers stop coming (the dropout fit does not settle): every customer counts as active and expected visits follow each customer’s own pace only.',
        },
      ],
    };
  }
  const p = bg.a / (bg.a + bg.b);
  return {
    scoring: 'bgnbd',
    degenerate,
    nbd,
    notes: [
      {
        'pt-BR': `O abandono parece igual para todos os clientes (cerca de ${pct(p, 'pt-BR')} de chance após cada visita): a chance de ainda ser cliente depende só do tempo desde a última visita e do ritmo de cada um.`,
        en: `Dropout looks the same for every customer (about ${pct(p, 'en')} chance after each visit): the chance of still being a customer depends only on the time since the last visit and each customer’s pace.`,
      },
    ],
  };
}
