// The desktop app through Electron, where an Electron binary is installed; reported as skipped where it is not.
import { test, expect, _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The installed Electron executable, read from the package's path.txt (requiring the package would try to download it). */
function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const exe = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(exe) ? exe : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test('desktop window opens with the engine behind IPC', async () => {
  test.skip(!binary, 'SKIPPED: no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the desktop spec runs where one is present.');
  const dir = mkdtempSync(join(tmpdir(), 'painel-electron-'));
  try {
    const app = await electron.launch({ executablePath: binary as string, args: [resolve(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'main', 'main.js')], env: { ...process.env, PAINEL_DB: join(dir, 'p.duckdb') } });
    const win = await app.firstWindow();
    await expect(win.getByRole('navigation').first()).toBeVisible();
    const info = await win.evaluate(async () => (window as unknown as { painel: { call(m: string, i: unknown): Promise<{ ok: boolean }> } }).painel.call('app.info', {}));
    expect(info.ok).toBe(true);
    const isolated = await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require === 'undefined' && typeof (window as unknown as { process?: unknown }).process === 'undefined');
    expect(isolated).toBe(true);
    await win.screenshot({ path: 'test-results/electron-window.png' });
    await app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
