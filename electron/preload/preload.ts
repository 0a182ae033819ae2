// The sandboxed preload: exposes window.approdo with one function per contract channel and nothing else.
// The allow-list is the contract itself, so a channel exists here exactly when main handles it.
// Never expose ipcRenderer, the IPC event or any other Electron/Node object to the page.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNEL_NAMES, wireName, type ChannelInput, type ChannelName, type ChannelOutput } from '../shared/contract';
import type { Envelope } from '../shared/errors';

type ChannelCalls = {
  readonly [C in ChannelName]: (input: ChannelInput<C>) => Promise<Envelope<ChannelOutput<C>>>;
};

function channelCalls(): ChannelCalls {
  const calls: Record<string, (input: unknown) => Promise<unknown>> = {};
  // Only the input crosses over: main validates it (sender, size, schema) before anything runs.
  for (const name of CHANNEL_NAMES) calls[name] = (input) => ipcRenderer.invoke(wireName(name), input);
  return Object.freeze(calls) as ChannelCalls;
}

const api: ChannelCalls = channelCalls();

contextBridge.exposeInMainWorld('approdo', api);

/** The type of window.approdo; the renderer imports this type only. */
export type ApprodoApi = typeof api;
