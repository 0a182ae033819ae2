// The window as the sandboxed preload leaves it: `approdo` exists inside Electron, not in a plain browser.
import type { ApprodoApi } from '../../electron/shared/contract';

declare global {
  interface Window {
    approdo?: ApprodoApi;
  }
}

export {};
