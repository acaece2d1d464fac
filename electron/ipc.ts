// IPC routing: one invoke channel into the shared dispatcher (sender checked), one event channel out, and the drop
// channel (dropped files' paths, checked and granted to the window).
import { dialog, ipcMain, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { desktopInputs, isDesktopMethod, type DesktopMethod } from '../shared/desktop';
import { IPC_DROP_CHANNEL, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/bridge';
import { dropHandler } from './dropPaths';
import type { Result } from '../shared/errors';
import type { Dispatcher, Engine } from '../main/host/index';
import { isAppUrl } from './windowOptions';

export function wireIpc(engine: Engine, dispatcher: Dispatcher, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const win = getWindow();
    const frameUrl = event.senderFrame?.url ?? '';
    if (!win || event.sender !== win.webContents || !isAppUrl(frameUrl)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'call from a frame that is not the Painel window' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'BAD_INPUT', message: 'method must be a string' } };
    if (isDesktopMethod(method)) return desktopCall(win, method, input, (paths) => dispatcher.grant(paths));
    return dispatcher.call(method, input);
  });
  const isPainelFrame = (sender: unknown, frameUrl: string) => {
    const win = getWindow();
    return !!win && sender === win.webContents && isAppUrl(frameUrl);
  };
  const onDrop = dropHandler(isPainelFrame, (paths) => dispatcher.grant(paths));
  ipcMain.handle(IPC_DROP_CHANNEL, async (event: IpcMainInvokeEvent, paths: unknown) => onDrop(event.sender, event.senderFrame?.url ?? '', paths));
  const off = engine.onEvent((e) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, e);
  });
  return () => {
    off();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    ipcMain.removeHandler(IPC_DROP_CHANNEL);
  };
}

const FILTER_NAMES = { csv: 'CSV', parquet: 'Parquet', xlsx: 'Excel (XLSX)', zip: 'Painel (ZIP)' } as const;

/** Native shell actions: validated like contract calls, answered as values. */
async function desktopCall(win: BrowserWindow, method: DesktopMethod, input: unknown, grant: (paths: string[]) => void): Promise<Result<unknown>> {
  const parsed = desktopInputs[method].safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'BAD_INPUT', message: `invalid input for ${method}: ${parsed.error.issues[0]?.message ?? 'rejected'}` } };
  if (method === 'desktop.openFiles') {
    const i = parsed.data as { filters: (keyof typeof FILTER_NAMES)[]; folders: boolean };
    const r = await dialog.showOpenDialog(win, {
      properties: [i.folders ? 'openDirectory' : 'openFile', 'multiSelections'],
      filters: i.folders ? [] : [{ name: i.filters.map((f) => FILTER_NAMES[f]).join(', '), extensions: i.filters }],
    });
    // What the person chose in the dialog is what import calls from this window may then read.
    if (!r.canceled) grant(r.filePaths);
    return { ok: true, value: { paths: r.canceled ? [] : r.filePaths } };
  }
  const { path } = parsed.data as { path: string };
  if (!isAbsolute(path) || !existsSync(path)) return { ok: false, error: { code: 'NOT_FOUND', message: 'no such file' } };
  shell.showItemInFolder(path);
  return { ok: true, value: { shown: true } };
}
