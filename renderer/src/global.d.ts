// The window as the sandboxed preload leaves it: `approdo` exists inside Electron, not in a plain browser.
import type { ApprodoApi } from '../../electron/preload/preload';

declare global {
  interface Window {
    approdo?: ApprodoApi;
  }
}

export {};
