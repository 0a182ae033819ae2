// The application menu and the few other words the main process shows itself (about box, startup error),
// in Italian and English from one table. Plain data: main.ts hands the template to Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../shared/contract';

export const MAIN_TEXT = {
  it: {
    registerMenu: 'Registro',
    lock: 'Blocca',
    quit: 'Esci',
    editMenu: 'Modifica',
    undo: 'Annulla',
    redo: 'Ripeti',
    cut: 'Taglia',
    copy: 'Copia',
    paste: 'Incolla',
    selectAll: 'Seleziona tutto',
    viewMenu: 'Visualizza',
    reload: 'Ricarica',
    toggleDevTools: 'Strumenti per sviluppatori',
    resetZoom: 'Dimensioni effettive',
    zoomIn: 'Ingrandisci',
    zoomOut: 'Riduci',
    toggleFullScreen: 'Schermo intero',
    windowMenu: 'Finestra',
    minimize: 'Riduci a icona',
    close: 'Chiudi finestra',
    hide: 'Nascondi Approdo',
    hideOthers: 'Nascondi altre',
    unhide: 'Mostra tutte',
    helpMenu: 'Aiuto',
    about: 'Informazioni su Approdo',
    aboutDetail: 'Registro cifrato dei posti di accoglienza, degli inserimenti e delle persone accolte.',
    startupErrorTitle: 'Approdo non può avviarsi',
    startupErrorMessage: 'Si è verificato un errore durante l’avvio. Nessun dato è stato modificato.',
    backupFolderTitle: 'Scegli la cartella del backup',
  },
  en: {
    registerMenu: 'Register',
    lock: 'Lock',
    quit: 'Quit',
    editMenu: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    viewMenu: 'View',
    reload: 'Reload',
    toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    toggleFullScreen: 'Full Screen',
    windowMenu: 'Window',
    minimize: 'Minimize',
    close: 'Close Window',
    hide: 'Hide Approdo',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    helpMenu: 'Help',
    about: 'About Approdo',
    aboutDetail: 'Encrypted register of shelter places, family placements and the people hosted in them.',
    startupErrorTitle: 'Approdo cannot start',
    startupErrorMessage: 'An error occurred while starting. No data has been changed.',
    backupFolderTitle: 'Choose the backup folder',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type MainTextKey = keyof (typeof MAIN_TEXT)['en'];
export type MainText = Readonly<Record<MainTextKey, string>>;

export function mainText(locale: Locale): MainText {
  return MAIN_TEXT[locale];
}

/** The menu's language before anyone logs in: Italian for an Italian system, English otherwise. */
export function localeForSystem(systemLocale: string | null | undefined): Locale {
  return systemLocale?.toLowerCase().startsWith('it') ? 'it' : 'en';
}

export interface MenuActions {
  /** Lock the register now (drops the key in the main process and the renderer's state). */
  lock(): void;
  quit(): void;
  about(): void;
}

export interface MenuOptions {
  /** A development run: adds reload and developer tools. Never true in a packaged app. */
  dev?: boolean;
}

export const LOCK_ACCELERATOR = 'CmdOrCtrl+L';

export function menuTemplate(
  locale: Locale,
  actions: MenuActions,
  platform: NodeJS.Platform,
  options: MenuOptions = {},
): MenuItemConstructorOptions[] {
  const t = MAIN_TEXT[locale];
  const mac = platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };

  const lock: MenuItemConstructorOptions = {
    id: 'lock',
    label: t.lock,
    accelerator: LOCK_ACCELERATOR,
    click: () => actions.lock(),
  };
  const quit: MenuItemConstructorOptions = {
    id: 'quit',
    label: t.quit,
    accelerator: 'CmdOrCtrl+Q',
    click: () => actions.quit(),
  };
  const about: MenuItemConstructorOptions = { id: 'about', label: t.about, click: () => actions.about() };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    // On macOS the first menu is the application menu, titled by the system with the app's name.
    template.push({
      label: 'Approdo',
      submenu: [
        about,
        sep,
        { role: 'hide', label: t.hide },
        { role: 'hideOthers', label: t.hideOthers },
        { role: 'unhide', label: t.unhide },
        sep,
        quit,
      ],
    });
  }
  template.push({ id: 'register', label: t.registerMenu, submenu: mac ? [lock] : [lock, sep, quit] });
  template.push({
    id: 'edit',
    label: t.editMenu,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      sep,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
    ],
  });
  template.push({
    id: 'view',
    label: t.viewMenu,
    submenu: [
      ...(options.dev
        ? ([
            { role: 'reload', label: t.reload },
            { role: 'toggleDevTools', label: t.toggleDevTools },
            sep,
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom', label: t.resetZoom },
      { role: 'zoomIn', label: t.zoomIn },
      { role: 'zoomOut', label: t.zoomOut },
      sep,
      { role: 'togglefullscreen', label: t.toggleFullScreen },
    ],
  });
  if (mac) {
    template.push({
      id: 'window',
      label: t.windowMenu,
      submenu: [
        { role: 'minimize', label: t.minimize },
        { role: 'close', label: t.close },
      ],
    });
  }
  // On macOS "About" already sits in the application menu, so there is no Help menu to show.
  if (!mac) template.push({ id: 'help', label: t.helpMenu, submenu: [about] });
  return template;
}
