// The esbuild options every bundle of scripts/build.mjs shares (tests/unit/pdf-bundle.test.ts bundles with
// them too, to prove the PDF code runs from a bundle alone).
export const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron', 'better-sqlite3'],
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
  // The PDF fonts (electron/core/pdf) travel inside the bundle as bytes: no font file to find at run time,
  // in the packaged app (dist/electron/main.cjs) as in the browser host.
  loader: { '.ttf': 'binary' },
};
