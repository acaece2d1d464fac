// Browser mode on a temp database filled with the small demo dataset (ending today, so the period presets
// have data), shared by the app specs; plus helpers to open the app in a locale and theme.
import type { Page } from '@playwright/test';
import { startServer, type PainelServer } from '../support/server';

export type { PainelServer };

/** Fills the database file with the demo dataset before the server opens it. */
async function demoInto(dbPath: string): Promise<void> {
  const { Engine } = await import('../../main/engine/engine');
  const { generateDemo } = await import('../../main/demo/generateDemo');
  const engine = await Engine.open({ dbPath, log: () => undefined });
  try {
    await generateDemo(engine.db, { preset: 'small' });
  } finally {
    engine.close();
  }
}

export function startDemoServer(): Promise<PainelServer> {
  return startServer({ prepare: demoInto });
}

export interface OpenOptions {
  locale?: 'pt-BR' | 'en';
  theme?: 'light' | 'dark';
  route?: string;
}

/** Opens the app (the token rides in the fragment) with a stored locale/theme and no remembered route. */
export async function openApp(page: Page, server: PainelServer, o: OpenOptions = {}): Promise<void> {
  await page.addInitScript(
    ([locale, theme]) => {
      if (!sessionStorage.getItem('painel.e2e.init')) {
        localStorage.clear();
        localStorage.setItem('painel.ui', JSON.stringify({ state: { locale, theme }, version: 1 }));
        sessionStorage.setItem('painel.e2e.init', '1');
      }
    },
    [o.locale ?? 'pt-BR', o.theme ?? 'light'],
  );
  await page.goto(`${server.origin}/#token=${server.token}`);
  if (o.route) await page.goto(`${server.origin}/#${o.route}`);
}
