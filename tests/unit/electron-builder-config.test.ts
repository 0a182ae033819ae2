// electron-builder.yml read and schema-checked by electron-builder's own loader and validator (no extra
// YAML dependency), then its packaging promises checked value by value.
import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { minimatch } from 'minimatch';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { PlatformPackager } from 'app-builder-lib';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';

const root = path.resolve(__dirname, '../..');
const PREBUILDS = 'node_modules/better-sqlite3/prebuilds';
const PREBUILD_FILES = [
  'darwin-arm64.node',
  'darwin-x64.node',
  'linux-arm64.node',
  'linux-x64.node',
  'linuxmusl-arm64.node',
  'linuxmusl-x64.node',
  'win32-arm64.node',
  'win32-x64.node',
];
const OWN_PREFIXES = { linux: ['linux-', 'linuxmusl-'], win: ['win32-'], mac: ['darwin-'] } as const;

let config: Configuration;
type FuseWire = (fuses: NonNullable<Configuration['electronFuses']>) => Promise<{ version: FuseVersion } & Partial<Record<FuseV1Options, boolean>>>;

beforeAll(async () => {
  const loaded = await getConfig<Configuration>({
    packageKey: 'build',
    configFilename: 'electron-builder',
    projectDir: root,
    packageMetadata: null,
  }, path.join(root, 'electron-builder.yml'));
  if (!loaded) throw new Error('electron-builder.yml not found');
  config = loaded.result;
});

function patterns(value: unknown): string[] {
  if (value == null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((entry): entry is string => typeof entry === 'string');
}

/** Whether a file survives a list of include/exclude globs, as electron-builder applies them (last match wins). */
function included(file: string, globs: string[]): boolean {
  let keep = false;
  for (const glob of globs) {
    if (glob.startsWith('!')) {
      if (minimatch(file, glob.slice(1), { dot: true })) keep = false;
    } else if (minimatch(file, glob, { dot: true })) {
      keep = true;
    }
  }
  return keep;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema, so every option name is one it knows', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app and pins the Electron version', () => {
    expect(config.appId).toBe('org.approdo.app');
    expect(config.productName).toBe('Approdo');
    expect(config.electronVersion).toBe('45.5.0');
  });

  it('writes packages to release/, not to the dist/ folder it packages', () => {
    expect(config.directories?.output).toBe('release');
  });

  it('packs the built app and production dependencies into an asar archive', () => {
    const files = patterns(config.files);
    expect(config.asar).toBe(true);
    for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'package.json']) {
      expect(included(file, files), file).toBe(true);
    }
    expect(included('node_modules/drizzle-orm/index.js', files)).toBe(true);
    expect(included('electron/main/main.ts', files)).toBe(false);
    expect(included('tests/unit/electron-menu.test.ts', files)).toBe(false);
  });

  it('leaves the SQLite addon’s C sources out', () => {
    const files = patterns(config.files);
    expect(included('node_modules/better-sqlite3/src/addon.cpp', files)).toBe(false);
    expect(included('node_modules/better-sqlite3/deps/sqlite3/sqlite3.c', files)).toBe(false);
    expect(included('node_modules/better-sqlite3/lib/index.js', files)).toBe(true);
  });

  it('unpacks the SQLite addon from the archive so its .node binary can load', () => {
    const unpack = patterns(config.asarUnpack);
    expect(unpack).toContain('node_modules/better-sqlite3/**');
    expect(included(`${PREBUILDS}/linux-x64.node`, unpack)).toBe(true);
  });

  it('ships the drizzle migrations as resources', () => {
    expect(config.extraResources).toEqual([{ from: 'drizzle', to: 'drizzle', filter: ['**/*'] }]);
  });

  it('never rebuilds or compiles native dependencies', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('flips the Electron fuses that close Node escape hatches and pin the app to its archive', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('turns those options into the fuse wire electron-builder writes into the packaged binary', async () => {
    // The same conversion electron-builder runs after packing, right before signing (private in its types only).
    const packager = PlatformPackager.prototype as unknown as { generateFuseConfig: FuseWire };
    const wire = await packager.generateFuseConfig.call(null, config.electronFuses!);
    expect(wire.version).toBe(FuseVersion.V1);
    expect(wire[FuseV1Options.RunAsNode], 'ELECTRON_RUN_AS_NODE').toBe(false);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable], 'NODE_OPTIONS').toBe(false);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments], '--inspect arguments').toBe(false);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation], 'asar integrity').toBe(true);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar], 'app only from the asar').toBe(true);
    expect(wire[FuseV1Options.EnableCookieEncryption], 'cookie encryption').toBe(true);
    // No hook that could re-flip or skip them after packing.
    expect(config.afterPack).toBeUndefined();
    expect(config.afterSign).toBeUndefined();
  });

  it('builds AppImage and deb on Linux, an NSIS installer on Windows and a dmg on macOS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('knows every prebuilt binary the addon actually ships', () => {
    expect(readdirSync(path.join(root, PREBUILDS)).filter((f) => f.endsWith('.node')).sort()).toEqual(PREBUILD_FILES);
  });

  it.each(Object.entries(OWN_PREFIXES))('on %s, keeps only its own prebuilt binaries', (platform, own) => {
    const platformConfig = config[platform as keyof typeof OWN_PREFIXES];
    const globs = [...patterns(config.files), ...patterns(platformConfig?.files)];
    for (const file of PREBUILD_FILES) {
      const mine = own.some((prefix) => file.startsWith(prefix));
      expect(included(`${PREBUILDS}/${file}`, globs), `${platform}: ${file}`).toBe(mine);
    }
  });
});
