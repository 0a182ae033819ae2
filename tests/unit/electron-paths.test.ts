import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  migrationsFolderFor,
  preloadFor,
  registerDirFor,
  rendererRootFor,
} from '../../electron/main/paths';

const root = path.resolve(__dirname, '../..');
const userDataDir = path.join(path.sep, 'home', 'ada', '.config', 'Approdo');

describe('registerDirFor', () => {
  it('keeps the register in a "register" folder under the user data folder by default', () => {
    expect(registerDirFor({ env: {}, userDataDir })).toBe(path.join(userDataDir, 'register'));
  });

  it('uses APPRODO_DATA_DIR when it is set', () => {
    const dir = path.resolve(path.sep, 'srv', 'approdo-data');
    expect(registerDirFor({ env: { APPRODO_DATA_DIR: dir }, userDataDir })).toBe(dir);
  });

  it('makes a relative APPRODO_DATA_DIR absolute', () => {
    const dir = registerDirFor({ env: { APPRODO_DATA_DIR: 'data/register' }, userDataDir });
    expect(path.isAbsolute(dir)).toBe(true);
    expect(dir).toBe(path.resolve('data/register'));
  });

  it('ignores an empty or blank APPRODO_DATA_DIR', () => {
    expect(registerDirFor({ env: { APPRODO_DATA_DIR: '' }, userDataDir })).toBe(path.join(userDataDir, 'register'));
    expect(registerDirFor({ env: { APPRODO_DATA_DIR: '   ' }, userDataDir })).toBe(path.join(userDataDir, 'register'));
  });
});

describe('migrationsFolderFor', () => {
  const resourcesPath = path.join(path.sep, 'opt', 'Approdo', 'resources');
  const appPath = path.join(resourcesPath, 'app.asar');

  it('reads shipped migrations from the resources folder in a packaged app', () => {
    expect(migrationsFolderFor({ isPackaged: true, resourcesPath, appPath })).toBe(path.join(resourcesPath, 'drizzle'));
  });

  it('reads the project migrations during development', () => {
    expect(migrationsFolderFor({ isPackaged: false, resourcesPath: '/ignored', appPath: root })).toBe(
      path.join(root, 'drizzle'),
    );
  });

  it('points at the folder that holds the migration journal in this project', () => {
    const folder = migrationsFolderFor({ isPackaged: false, resourcesPath: '/ignored', appPath: root });
    expect(JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8'))).toHaveProperty('entries');
  });
});

describe('built files', () => {
  it('serves the renderer from the folder Vite writes it to', () => {
    expect(rendererRootFor(root)).toBe(path.join(root, 'dist', 'renderer'));
    const vite = readFileSync(path.join(root, 'vite.config.ts'), 'utf8');
    expect(vite).toMatch(/outDir:\s*'\.\.\/dist\/renderer'/);
  });

  it('finds the preload next to the main bundle named in package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(path.dirname(preloadFor(root))).toBe(path.dirname(path.join(root, pkg.main)));
    expect(path.basename(preloadFor(root))).toBe('preload.cjs');
  });
});
