import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'api',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Each file builds its own app on its own SQLite file; the files can run side by side.
    testTimeout: 30_000,
    // A demo app (two units, ten demo accounts hashed with argon2) takes several seconds to build on a busy machine.
    hookTimeout: 30_000,
  },
});
