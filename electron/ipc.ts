// IPC routing: one invoke channel into the shared dispatcher (sender checked), one event channel out.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/bridge';
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
    return dispatcher.call(method, input);
  });
  const off = engine.onEvent((e) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, e);
  });
  return () => {
    off();
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
  };
}
