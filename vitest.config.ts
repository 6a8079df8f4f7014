import { defineConfig } from 'vitest/config';

// One vitest run covers every package; Playwright's e2e specs (apps/web/e2e) are run by their own runner.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/api', 'apps/web'],
  },
});
