// Where the Electron shell finds things: the register folder, the shipped migrations, the built renderer
// and preload. Plain functions of what Electron reports, so every case is tested without Electron.
import path from 'node:path';

export interface RegisterDirInput {
  env: Readonly<Record<string, string | undefined>>;
  /** app.getPath('userData') */
  userDataDir: string;
}

/** APPRODO_DATA_DIR (made absolute) when set, for tests and portable installs; else <userData>/register. */
export function registerDirFor({ env, userDataDir }: RegisterDirInput): string {
  const override = env.APPRODO_DATA_DIR?.trim();
  if (override) return path.resolve(override);
  return path.join(userDataDir, 'register');
}

export interface MigrationsFolderInput {
  /** app.isPackaged */
  isPackaged: boolean;
  /** process.resourcesPath */
  resourcesPath: string;
  /** app.getAppPath() */
  appPath: string;
}

/** Packaged: <resources>/drizzle (electron-builder extraResources). Development: <project>/drizzle. */
export function migrationsFolderFor({ isPackaged, resourcesPath, appPath }: MigrationsFolderInput): string {
  return isPackaged ? path.join(resourcesPath, 'drizzle') : path.join(appPath, 'drizzle');
}

/** The folder Vite builds the renderer into (inside app.asar when packaged); app:// serves only from it. */
export function rendererRootFor(appPath: string): string {
  return path.join(appPath, 'dist', 'renderer');
}

/** The sandboxed preload bundle built by scripts/build.mjs. */
export function preloadFor(appPath: string): string {
  return path.join(appPath, 'dist', 'electron', 'preload.cjs');
}
