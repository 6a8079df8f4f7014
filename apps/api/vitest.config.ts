import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'api',
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Each file builds its own app on its own SQLite file; the files can run side by side.
    testTimeout: 30_000,
  },
});
