import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Font files are imported as their bytes, as scripts/build.mjs bundles them (electron/core/pdf).
  plugins: [
    {
      name: 'ttf-as-bytes',
      enforce: 'pre',
      load(id) {
        if (!id.endsWith('.ttf')) return null;
        return `export default new Uint8Array(Buffer.from(${JSON.stringify(readFileSync(id).toString('base64'))}, 'base64'));`;
      },
    },
  ],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests derive keys with scrypt (deliberately ~0.5 s, 128 MiB): two at a time on 2 cores.
    maxWorkers: 2,
  },
});
