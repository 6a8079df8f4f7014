/** Starts the real API (serving the built SPA) on a temp SQLite file and a free port, for the e2e run. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

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

/**
 * `demo`: load the demo years and accounts (FOU_DEMO=1); without it the server starts as on a new unit's
 * first day, with no accounts but the first admin. Resolves once the API answers.
 */
export async function startApi({ demo }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fou-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let output = '';
  const env = { ...process.env, DATABASE_PATH: path.join(tmp, 'fou.sqlite'), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', FOU_DEMO: demo ? '1' : '' };
  // The first admin's password is then random and logged once, as on a real first start.
  delete env.FOU_ADMIN_PASSWORD;
  delete env.FOU_INSTALL_ADMIN_PASSWORD;
  // The bundle `pnpm start` runs (`pnpm test:e2e` builds it first), so the end-to-end run covers that too.
  const server = spawn(process.execPath, ['--enable-source-maps', 'dist/server.mjs'], { cwd: path.join(root, 'apps/api'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.on('exit', stop);
  for (let i = 0; i < 300; i++) {
    if (server.exitCode !== null) throw new Error(`API exited with ${server.exitCode}:\n${output}`);
    try {
      // Any answer means it listens: it only does so once migrations, seed and demo data are in place.
      await fetch(`${base}/api/v1/auth/me`);
      return { base, stop, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(`API did not answer within 60 s:\n${output}`);
}
