// The sandboxed preload: exposes only window.painel = { call, on, version, desktop, dropped } over one invoke, one
// event and one drop channel.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { IPC_DROP_CHANNEL, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type PainelBridge } from '../shared/bridge';
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
  // Only File objects a person dropped (or picked) have a path; a page cannot make one up.
  dropped: (files: File[]) => ipcRenderer.invoke(IPC_DROP_CHANNEL, Array.from(files, (f) => webUtils.getPathForFile(f))) as Promise<Result<{ paths: string[] }>>,
};

contextBridge.exposeInMainWorld('painel', bridge);
