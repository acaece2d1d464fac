// The owner's agenda and the dashboard's alerts on a demo dataset: the coming 14 days (bookings, occupancy ahead,
// gaps, no-shows), the overdue good customers (RFM of the day plus visit intervals) and the "what changed" rules.
// PAINEL_BENCH_PRESET picks the demo size (default large); the generated file is kept in the temp folder and reused.
import type { BenchCase } from '../harness';
import type { Dispatcher } from '../../main/host/dispatcher';
import { BENCH_END as END, callOk as call, openBenchDemo } from '../demoEngine';

let shared: Promise<Dispatcher> | null = null;
function state(): Promise<Dispatcher> {
  shared ??= openBenchDemo('agenda').then((o) => o.dispatcher);
  return shared;
}

export const cases: BenchCase[] = [
  {
    name: 'agenda.view.14-days',
    target: 'median < 1 s',
    runs: 5,
    warmup: 1,
    setup: state,
    async run(d) {
      const a = await call(d as Dispatcher, 'agenda.view', { today: END, days: 14 });
      return { bookings: (a.summary as { bookings: number }).bookings };
    },
  },
  {
    name: 'agenda.overdue',
    target: 'median < 1 s',
    runs: 5,
    warmup: 1,
    setup: state,
    async run(d) {
      const o = await call(d as Dispatcher, 'agenda.overdue', { today: END });
      return { customers: o.total as number };
    },
  },
  {
    name: 'agenda.alerts',
    target: 'median < 1 s',
    runs: 5,
    warmup: 1,
    setup: state,
    async run(d) {
      const a = await call(d as Dispatcher, 'agenda.alerts', { today: END });
      return { alerts: (a.alerts as unknown[]).length };
    },
  },
];
