// What the host around the core can do for it beyond the register: the Electron shell shows native
// dialogs; the browser host and the tests have none, and the renderer then receives files as downloads.
export interface SaveFileRequest {
  suggestedName: string;
  bytes: Uint8Array;
  filter: { name: string; extensions: string[] };
}

export interface Shell {
  /** Asks where to save (native save dialog) and writes the file there. False when the user cancelled. */
  saveFile?: (request: SaveFileRequest) => Promise<boolean>;
}
