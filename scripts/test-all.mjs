#!/usr/bin/env node
/**
 * `pnpm test`: the unit, API and component tests (vitest), then the end-to-end tests in Chromium.
 * Ends with one plain line "tests: N passed, N failed" that counts both runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fou-test-results-'));
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let passed = 0;
let failed = 0;

const vitestJson = path.join(tmp, 'vitest.json');
const vitestStatus = run('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const r = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (vitestStatus !== 0 && r.numFailedTests === 0 ? 1 : 0);
} else {
  failed += 1;
}

const e2eJson = path.join(tmp, 'e2e.json');
const e2eStatus = run('node', ['scripts/ensure-chromium.mjs']) || run('pnpm', ['test:e2e'], { E2E_RESULTS: e2eJson });
if (fs.existsSync(e2eJson)) {
  const r = JSON.parse(fs.readFileSync(e2eJson, 'utf8'));
  passed += r.passed;
  failed += r.failed + (e2eStatus !== 0 && r.failed === 0 ? 1 : 0);
} else {
  failed += 1;
}

fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || vitestStatus !== 0 || e2eStatus !== 0 ? 1 : 0);
