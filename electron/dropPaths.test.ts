// The desktop drop, tested in Node (no Electron binary here): the drop channel's handler checks the sending frame
// and the dropped paths, grants them to a real desktop dispatcher so the Import page may inspect and import them
// (and nothing else); the preload sends only the paths of the dropped File objects, on a channel the page's generic
// call cannot reach. The drop itself on the Import page runs in the browser-mode e2e (e2e/import.spec.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher, Engine, type Dispatcher } from '../main/host/index';
import { tmpdir } from 'node:os';
import { checkDroppedPaths, dropHandler, MAX_DROPPED } from './dropPaths';
import { IPC_DROP_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/bridge';
import { isDesktopMethod } from '../shared/desktop';
import type { SheetInspect } from '../shared/api/import';

let dir: string;
let engine: Engine;
let desktop: Dispatcher;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'painel-drop-'));
  engine = await Engine.open({ dbPath: join(dir, 'drop.duckdb'), log: () => undefined });
  desktop = createDispatcher(engine, { transport: 'desktop' });
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const WINDOW = { id: 'painel window' };
const appUrl = 'file:///app/index.html';
const isFrame = (sender: unknown, url: string) => sender === WINDOW && url === appUrl;

describe('dropped files on the desktop window', () => {
  it('are checked: absolute paths to CSV, XLSX or Parquet files, Painel .zip exports or folders, at most a hundred', () => {
    const csv = join(dir, 'atendimentos.csv');
    writeFileSync(csv, 'Data;Valor\n03/11/2026;10,00\n');
    const zip = join(dir, 'painel-parquet-2026-12-05.zip');
    writeFileSync(zip, 'PK');
    const exe = join(dir, 'programa.exe');
    writeFileSync(exe, 'MZ');
    const folder = join(dir, 'pasta');
    mkdirSync(folder);
    expect(checkDroppedPaths([csv, folder, csv, zip])).toEqual({ ok: true, value: [csv, folder, zip] });
    expect(checkDroppedPaths([exe])).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(checkDroppedPaths(['atendimentos.csv'])).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    // A File object the page made up has no path: the preload sends an empty string for it.
    expect(checkDroppedPaths([''])).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(checkDroppedPaths([join(dir, 'sumiu.csv')])).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(checkDroppedPaths([])).toMatchObject({ ok: false });
    expect(checkDroppedPaths('x')).toMatchObject({ ok: false });
    expect(checkDroppedPaths(Array.from({ length: MAX_DROPPED + 1 }, () => csv))).toMatchObject({ ok: false });
  });

  it('are granted to the window by the drop handler, so the Import page may inspect exactly those files', async () => {
    const dropped = join(dir, 'dropped.csv');
    copyFileSync(join(__dirname, '..', 'main', 'import', 'corpus', 'salao-atendimentos.csv'), dropped);
    const other = join(dir, 'other.csv');
    copyFileSync(dropped, other);
    // Before any drop the desktop window may not name the file.
    expect(await desktop.call('import.inspect', { path: dropped })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const onDrop = dropHandler(isFrame, (p) => desktop.grant(p));
    expect(onDrop({ id: 'another frame' }, appUrl, [dropped])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(onDrop(WINDOW, 'https://evil.example/', [dropped])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(onDrop(WINDOW, appUrl, [dropped])).toEqual({ ok: true, value: { paths: [dropped] } });
    const look = await desktop.call('import.inspect', { path: dropped });
    expect(look.ok).toBe(true);
    expect((look as { value: SheetInspect }).value).toMatchObject({ kind: 'sheet', name: 'dropped.csv' });
    expect(await desktop.call('import.inspect', { path: other })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('travel only through the preload: paths of the dropped File objects, on the drop channel, which is no callable method', () => {
    const preload = readFileSync(join(__dirname, 'preload.ts'), 'utf8');
    expect(preload).toMatch(/dropped: \(files: File\[\]\) => ipcRenderer\.invoke\(IPC_DROP_CHANNEL, Array\.from\(files, \(f\) => webUtils\.getPathForFile\(f\)\)\)/);
    expect(IPC_DROP_CHANNEL).not.toBe(IPC_INVOKE_CHANNEL);
    expect(isDesktopMethod('desktop.dropped')).toBe(false);
    const ipc = readFileSync(join(__dirname, 'ipc.ts'), 'utf8');
    expect(ipc).toContain('ipcMain.handle(IPC_DROP_CHANNEL');
    expect(ipc).toContain('ipcMain.removeHandler(IPC_DROP_CHANNEL)');
  });
});
