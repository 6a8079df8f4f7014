#!/usr/bin/env node
/**
 * End-to-end tests: the real API (serving the built SPA) on a temp SQLite file with the demo year and the demo
 * accounts (FOU_DEMO=1) loaded,
 * driven through Debian's Chromium with playwright-core. Never downloads a browser.
 * Writes { passed, failed } to $E2E_RESULTS when set and ends with "e2e: N passed, N failed".
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startApi } from './api-server.mjs';
import { scenarios } from './scenarios.mjs';
import { pageLoadScenarios } from './page-load-scenarios.mjs';
import { activityFormScenarios } from './activity-form-scenarios.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const shots = path.join(here, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!fs.existsSync(path.join(root, 'apps/web/dist/index.html'))) {
  console.error('apps/web/dist is missing: run `pnpm --filter @fou/web build` first (pnpm test:e2e does).');
  process.exit(1);
}

const api = await startApi({ demo: true }).catch((err) => {
  console.log(`  ✗ setup\n${String(err?.stack ?? err).replace(/^/gm, '      ')}`);
  if (process.env.E2E_RESULTS) fs.writeFileSync(process.env.E2E_RESULTS, JSON.stringify({ passed: 0, failed: 1 }));
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
});
const { base } = api;

let browser;
let passed = 0;
let failed = 0;
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=sv-SE'],
  });
  fs.mkdirSync(shots, { recursive: true });
  const ctx = { browser, base, shots, state: {}, startApi };
  // E2E_ONLY=<regular expression> runs the scenarios whose names match (while working on some; the gate runs all).
  const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY) : null;
  const all = [...scenarios, ...activityFormScenarios, ...pageLoadScenarios];
  for (const [name, fn] of only ? all.filter(([n]) => only.test(n)) : all) {
    const started = Date.now();
    try {
      await fn(ctx);
      passed++;
      console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      console.log(`  ✗ ${name}\n${String(err?.stack ?? err).replace(/^/gm, '      ')}`);
    }
  }
} catch (err) {
  failed++;
  console.log(`  ✗ setup\n${String(err?.stack ?? err).replace(/^/gm, '      ')}`);
} finally {
  await browser?.close().catch(() => {});
  api.stop();
}

if (process.env.E2E_RESULTS) fs.writeFileSync(process.env.E2E_RESULTS, JSON.stringify({ passed, failed }));
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
