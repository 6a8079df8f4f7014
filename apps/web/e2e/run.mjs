#!/usr/bin/env node
/**
 * End-to-end tests: the real API (serving the built SPA) on a temp SQLite file with the demo year and the demo
 * accounts (FOU_DEMO=1) loaded,
 * driven through Debian's Chromium with playwright-core. Never downloads a browser.
 * Writes { passed, failed } to $E2E_RESULTS when set and ends with "e2e: N passed, N failed".
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { scenarios } from './scenarios.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const shots = path.join(here, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

if (!fs.existsSync(path.join(root, 'apps/web/dist/index.html'))) {
  console.error('apps/web/dist is missing: run `pnpm --filter @fou/web build` first (pnpm test:e2e does).');
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForServer(base, server, log) {
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`API exited with ${server.exitCode}:\n${log()}`);
    try {
      const r = await fetch(`${base}/api/v1/auth/demo-accounts`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`API did not answer within 60 s:\n${log()}`);
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fou-e2e-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
let output = '';
// tsx is the API package's dependency: resolve it from there. The API resolves its paths from the repo root.
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
  cwd: path.join(root, 'apps/api'),
  env: { ...process.env, DATABASE_PATH: path.join(tmp, 'fou.sqlite'), PORT: String(port), HOST: '127.0.0.1', FOU_DEMO: '1', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
server.stdout.on('data', (d) => (output += d));
server.stderr.on('data', (d) => (output += d));

let browser;
let passed = 0;
let failed = 0;
const stopServer = () => {
  if (server.exitCode === null) server.kill('SIGTERM');
};
process.on('exit', stopServer);

try {
  await waitForServer(base, server, () => output);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--lang=sv-SE'],
  });
  fs.mkdirSync(shots, { recursive: true });
  const ctx = { browser, base, shots, state: {} };
  for (const [name, fn] of scenarios) {
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
  stopServer();
  fs.rmSync(tmp, { recursive: true, force: true });
}

if (process.env.E2E_RESULTS) fs.writeFileSync(process.env.E2E_RESULTS, JSON.stringify({ passed, failed }));
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
