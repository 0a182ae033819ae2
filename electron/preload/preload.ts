// The sandboxed preload: exposes window.approdo with one function per contract channel and nothing else.
// The allow-list is the contract itself, so a channel exists here exactly when main handles it.
// Never expose ipcRenderer, the IPC event or any other Electron/Node object to the page.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, wireName, type ApprodoApi } from '../shared/contract';

function channelCalls(): ApprodoApi {
  const calls: Record<string, (input: unknown) => Promise<unknown>> = {};
  // Only the input crosses over: main validates it (sender, size, schema) before anything runs.
  for (const name of CHANNEL_NAMES) calls[name] = (input) => ipcRenderer.invoke(wireName(name), input);
  return Object.freeze(calls) as ApprodoApi;
}

const api: ApprodoApi = channelCalls();

contextBridge.exposeInMainWorld('approdo', api);
