// painel analytics rfm-history|fit-value|forecast: customer analytics from the command line (and from schedulers),
// through the same contract methods the app calls; long work is followed as a job.
import type { ForecastResult } from '../../../shared/analytics';
import type { JobSnapshot } from '../../../shared/events';
import type { CommandRun } from '../command';
import { parse, say, toPrintableJson } from '../command';
import { AppError } from '../../store/errors';
import { finishedResult } from '../../../shared/jobs';

export const run: CommandRun = async (argv, ctx) => {
  const USAGE = ctx.usage;
  const { values: v, positionals } = parse(
    argv,
    { from: { type: 'string' }, to: { type: 'string' }, 'as-of': { type: 'string' }, granularity: { type: 'string' }, horizon: { type: 'string' }, json: { type: 'boolean' } },
    USAGE,
    true,
  );
  const [sub, ...rest] = positionals;
  if (!sub || rest.length) throw new AppError('BAD_INPUT', `name one action — usage: ${USAGE}`);
  const call = <T,>(method: string, input: Record<string, unknown>) => ctx.call<T>(method, input);
  const asOf = v['as-of'] ? { asOf: v['as-of'] } : {};
  const print = (value: unknown, text: string) => ctx.io.out(v.json ? toPrintableJson(value) + '\n' : text);
  switch (sub) {
    case 'rfm-history': {
      const job = await call<JobSnapshot>('analytics.buildRfmHistory', { ...(v.from ? { from: v.from } : {}), ...(v.to ? { to: v.to } : {}) });
      const end = await ctx.follow(job);
      const r = finishedResult(end, 'analytics.rfmHistory');
      print(r, r.snapshots.map((s) => `${s.asOf}  ${String(s.customers).padStart(10)} customers`).join('\n') + `\n${r.months} months, ${r.rebuilt} rebuilt\n`);
      return 0;
    }
    case 'fit-value': {
      // A parameter that ran off to infinity is stored as null.
      const num = (v: number | null) => (v === null || v === undefined ? '∞' : say.number(v, 4, 4));
      const end = await ctx.follow(await call<JobSnapshot>('analytics.fitCustomerValue', asOf));
      const m = finishedResult(end, 'analytics.customerValue');
      const bg = m.bgnbd;
      const gg = m.gammaGamma;
      print(
        m,
        `customer value as of ${m.asOf}: ${m.customers} customers (${m.repeatCustomers} repeat)\n` +
          `BG/NBD r=${num(bg.r)} alpha=${num(bg.alpha)} a=${num(bg.a)} b=${num(bg.b)}${bg.converged ? '' : ' (not converged)'}\n` +
          (m.scoring === 'nbd' && m.nbd ? `scored by the NBD limit (no dropout): r=${num(m.nbd.r)} alpha=${num(m.nbd.alpha)}\n` : '') +
          (gg ? `Gamma-Gamma p=${num(gg.p)} q=${num(gg.q)} v=${num(gg.v)}\n` : 'Gamma-Gamma: not enough repeat customers\n') +
          m.notes.map((n) => `note: ${n.en}\n`).join('') +
          `fit ${say.duration(m.fitMs)}, scoring ${say.duration(m.scoreMs)}\n`,
      );
      return 0;
    }
    case 'forecast': {
      const horizon = v.horizon === undefined ? undefined : Number(v.horizon);
      if (horizon !== undefined && !Number.isInteger(horizon)) throw new AppError('BAD_INPUT', `--horizon must be a whole number, got ${v.horizon}`);
      const f = await call<ForecastResult>('analytics.forecast', { ...(v.granularity ? { granularity: v.granularity } : {}), ...(horizon ? { horizon } : {}), ...asOf });
      const lines = [
        `${f.granularity} revenue forecast, ${f.points.length} steps after ${f.historyEnd ?? '—'} · model: ${f.model ?? 'none'}`,
        ...f.notes.map((n) => `  ${n.en}`),
        ...f.backtest.map((b) => `  backtest ${b.model.padEnd(15)} MAPE ${b.mape === null ? '—' : `${say.number(b.mape, 2, 2)}%`}  sMAPE ${b.smape === null ? '—' : `${say.number(b.smape, 2, 2)}%`}  MASE ${b.mase === null ? '—' : say.number(b.mase, 3, 3)}  80% covers ${b.coverage80 === null ? '—' : say.percent(b.coverage80, 0)}  95% covers ${b.coverage95 === null ? '—' : say.percent(b.coverage95, 0)}`),
        ...f.points.map((p) => `${p.date}  ${say.number(p.point, 2, 2).padStart(12)}  80% [${say.number(p.lo80, 2, 2)}, ${say.number(p.hi80, 2, 2)}]  95% [${say.number(p.lo95, 2, 2)}, ${say.number(p.hi95, 2, 2)}]${p.special ? `  ${p.special.label.en}` : ''}`),
      ];
      print(f, lines.join('\n') + '\n');
      return 0;
    }
    default:
      throw new AppError('BAD_INPUT', `unknown action ${sub} — usage: ${USAGE}`);
  }
};
