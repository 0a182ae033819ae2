// The Electron side of the core's Shell (electron/core/shell.ts): the native folder chooser, attached to the
// app window. Takes the dialog and the window as arguments so its unit test runs with fakes.
import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';
import type { Shell } from '../core/shell';

export function folderPicker(dialog: Pick<Dialog, 'showOpenDialog'>, window: () => BrowserWindow | null, title: () => string): Required<Pick<Shell, 'pickFolder'>> {
  return {
    async pickFolder(suggested) {
      const options: OpenDialogOptions = {
        title: title(),
        properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
        ...(suggested ? { defaultPath: suggested } : {}),
      };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
