import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests derive keys with scrypt (deliberately ~0.5 s, 128 MiB): two at a time on 2 cores.
    maxWorkers: 2,
  },
});
