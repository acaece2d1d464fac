// Who to call and the month's goals on a demo dataset: a contact list's first page with its counts, messages and
// wa.me links (the customer profile as of the day, cached after the first run), the goals' progress of a month
// and the units side by side. PAINEL_BENCH_PRESET picks the demo size (default large); the file is reused.
import type { BenchCase } from '../harness';
import type { Dispatcher } from '../../main/host/dispatcher';
import { BENCH_END as END, callOk as call, openBenchDemo } from '../demoEngine';

let shared: Promise<Dispatcher> | null = null;
function state(): Promise<Dispatcher> {
  shared ??= (async () => {
    const { dispatcher: d } = await openBenchDemo('contacts');
    const r = await d.call('goals.set', { month: '2026-06', goals: [{ scope: 'location', scopeId: 'salon:loc01', revenueGoal: '100000', servicesGoal: 800 }] });
    if (!r.ok && r.error.code !== 'NOT_FOUND') throw new Error(r.error.message);
    return d;
  })();
  return shared;
}

export const cases: BenchCase[] = [
  {
    name: 'contacts.list.lapsed',
    target: 'median < 1 s',
    runs: 5,
    warmup: 1,
    setup: state,
    async run(d) {
      const r = await call(d as Dispatcher, 'contacts.list', { list: 'lapsed', asOf: END, template: 'Oi {nome}, seu {servico} com {profissional}?', limit: 50 });
      return { members: (r.summary as { members: number }).members };
    },
  },
  {
    name: 'contacts.list.birthdays-month',
    target: 'median < 1 s',
    runs: 5,
    warmup: 1,
    setup: state,
    async run(d) {
      const r = await call(d as Dispatcher, 'contacts.list', { list: 'birthdays_month', asOf: END, limit: 50 });
      return { members: (r.summary as { members: number }).members };
    },
  },
  {
    name: 'goals.progress.month',
    target: 'median < 1 s',
    runs: 5,
    warmup: 1,
    setup: state,
    async run(d) {
      const r = await call(d as Dispatcher, 'goals.progress', { month: '2026-06' });
      return { rows: (r.rows as unknown[]).length };
    },
  },
  {
    name: 'units-overview.month',
    target: 'median < 1 s',
    runs: 5,
    warmup: 1,
    setup: state,
    async run(d) {
      const r = await call(d as Dispatcher, 'reports.page', { report: 'units-overview', period: { preset: 'custom', from: '2026-06-01', to: '2026-06-30' }, limit: 50 });
      return { units: r.rowCount as number };
    },
  },
];
