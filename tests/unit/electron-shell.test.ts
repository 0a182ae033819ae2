// The Electron side of the core's Shell: the folder chooser, driven with a fake dialog and window.
import { describe, expect, it } from 'vitest';
import type { BrowserWindow, OpenDialogOptions, OpenDialogReturnValue } from 'electron';
import { folderPicker } from '../../electron/main/shell';

function fakeDialog(answer: OpenDialogReturnValue) {
  const calls: { window: unknown; options: OpenDialogOptions }[] = [];
  const showOpenDialog = (async (a: unknown, b?: OpenDialogOptions) => {
    if (b) calls.push({ window: a, options: b });
    else calls.push({ window: null, options: a as OpenDialogOptions });
    return answer;
  }) as unknown as Parameters<typeof folderPicker>[0]['showOpenDialog'];
  return { dialog: { showOpenDialog }, calls };
}

describe('the folder chooser of a manual backup', () => {
  it('opens a folder-only dialog on the app window, starting at the typed path, and returns the folder chosen', async () => {
    const { dialog, calls } = fakeDialog({ canceled: false, filePaths: ['/media/chiavetta/Copie'] });
    const window = { id: 1 } as unknown as BrowserWindow;
    const picker = folderPicker(dialog, () => window, () => 'Scegli la cartella del backup');
    expect(await picker.pickFolder('/media/chiavetta')).toBe('/media/chiavetta/Copie');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.window).toBe(window);
    expect(calls[0]!.options).toMatchObject({ title: 'Scegli la cartella del backup', defaultPath: '/media/chiavetta' });
    expect(calls[0]!.options.properties).toEqual(expect.arrayContaining(['openDirectory', 'createDirectory']));
    expect(calls[0]!.options.properties).not.toContain('openFile');
  });

  it('returns null when cancelled, and works without a window and without a typed path', async () => {
    const { dialog, calls } = fakeDialog({ canceled: true, filePaths: [] });
    const picker = folderPicker(dialog, () => null, () => 'Choose the backup folder');
    expect(await picker.pickFolder(null)).toBeNull();
    expect(calls[0]!.window).toBeNull();
    expect(calls[0]!.options).not.toHaveProperty('defaultPath');
  });
});
