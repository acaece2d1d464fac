// Handlers for demo.*: the demo dataset as a job.
import { DEMO_PRESETS, type DemoPreset, type demo } from '../../shared/api/demo';
import type { Handlers } from './types';
import { generateDemo } from '../demo/generateDemo';
import { markDemo } from '../import/sheet/undo';
import { jobTitle } from '../../shared/jobs';
import { createFormatter } from '../../shared/format';

export const demoHandlers = {
  'demo.generate': async (i, ctx) => {
    const settings = await ctx.settings();
    const size = DEMO_PRESETS[i.preset];
    const customers = i.customers ?? size.customers;
    const months = i.months ?? size.months;
    const title = jobTitle(
      `Dados de demonstração (${createFormatter({ locale: 'pt-BR' }).integer(customers)} clientes, ${months} meses)`,
      `Demo data (${createFormatter({ locale: 'en' }).integer(customers)} customers, ${months} months)`,
    );
    return ctx.jobs.start('demo', title, async (job) => {
      const summary = await generateDemo(ctx.db, {
        ...i,
        timezone: settings.timezone,
        openingHours: settings.openingHours,
        progress: (p) => job.progress(p),
        checkCancelled: job.checkCancelled,
        signal: job.signal,
      });
      // Remembered so the demo can be removed later (its rows are every row no file import added).
      await markDemo(ctx.db);
      return summary;
    });
  },
  'demo.presets': async () => (Object.keys(DEMO_PRESETS) as DemoPreset[]).map((name) => ({ name, ...DEMO_PRESETS[name] })),
} satisfies Handlers<typeof demo>;
