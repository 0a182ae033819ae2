// What the host around the core can do for it beyond the register: the Electron shell shows native
// dialogs (electron/main/shell.ts); the browser host and the tests have none. Without saveFile the renderer
// receives files as downloads; without pickFolder the folder of a manual backup is the path the user typed.
export interface SaveFileRequest {
  suggestedName: string;
  bytes: Uint8Array;
  filter: { name: string; extensions: string[] };
}

export interface Shell {
  /** Asks where to save (native save dialog) and writes the file there. False when the user cancelled. */
  saveFile?: (request: SaveFileRequest) => Promise<boolean>;
  /** Lets the user choose a folder (native dialog), starting at `suggested`; the absolute path, or null if cancelled. */
  pickFolder?: (suggested: string | null) => Promise<string | null>;
}

/** Hands a file the core built to the user: through the native save dialog when the host has one (`saved`:
 * false when cancelled; no bytes go to the renderer), else as base64 for the renderer to offer as a download. */
export async function deliverFile(shell: Shell, file: { fileName: string; bytes: Uint8Array }, filter: SaveFileRequest['filter'])
  : Promise<{ fileName: string; saved: boolean | null; base64: string | null }> {
  if (!shell.saveFile) return { fileName: file.fileName, saved: null, base64: Buffer.from(file.bytes).toString('base64') };
  const saved = await shell.saveFile({ suggestedName: file.fileName, bytes: file.bytes, filter });
  return { fileName: file.fileName, saved, base64: null };
}
