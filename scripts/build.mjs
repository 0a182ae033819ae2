// Builds every piece: the renderer with Vite, and the main process, sandboxed preload and browser host
// with esbuild (CommonJS bundles; the SQLite addon and electron stay external).
// Usage: node scripts/build.mjs [--only=renderer|electron|host|bench]
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { common } from './esbuild-options.mjs';

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const want = (part) => !only || only === part;


if (want('renderer') && only !== 'bench') await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
if (want('electron')) {
  await esbuild({ ...common, entryPoints: { main: 'electron/main/main.ts' }, outdir: 'dist/electron' , outExtension: { '.js': '.cjs' } });
  // The preload runs sandboxed: it may only require 'electron', so everything else is bundled in.
  await esbuild({ ...common, platform: 'browser', entryPoints: { preload: 'electron/preload/preload.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } });
}
if (want('host')) {
  await esbuild({ ...common, entryPoints: { server: 'electron/host/server.ts' }, outdir: 'dist/host', outExtension: { '.js': '.cjs' } });
  // The seeding tool of the end-to-end tests (never packaged: electron-builder ships dist/electron and dist/renderer only).
  await esbuild({ ...common, entryPoints: { seed: 'scripts/seed.ts' }, outdir: 'dist/tools', outExtension: { '.js': '.cjs' } });
}
if (only === 'bench') await esbuild({ ...common, entryPoints: { bench: 'scripts/bench.ts' }, outdir: 'dist/bench', outExtension: { '.js': '.cjs' } });
