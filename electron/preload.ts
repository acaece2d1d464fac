// The sandboxed preload: exposes only window.painel = { call, on, version, desktop } over one invoke and one event channel.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type PainelBridge } from '../shared/bridge';
import type { PainelEvent } from '../shared/events';
import type { Result } from '../shared/errors';
import { version } from '../package.json';

const bridge: PainelBridge = {
  call: (method: string, input: unknown) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input) as Promise<Result<unknown>>,
  on: (listener: (e: PainelEvent) => void) => {
    const handler = (_e: IpcRendererEvent, event: PainelEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => void ipcRenderer.off(IPC_EVENT_CHANNEL, handler);
  },
  version,
  desktop: true,
};

contextBridge.exposeInMainWorld('painel', bridge);
