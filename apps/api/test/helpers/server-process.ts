/**
 * Runs the real server (`node --import tsx apps/api/src/server.ts`) as a child process, for the tests that must
 * kill it or read its database from another connection while it writes: crash safety and online backups.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../src/config.ts';

// tsx is the API package's dependency, not the root's: hand node its loader by path so the server runs from the root.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

const ADMIN_PASSWORD = 'första-lösenordet-1';
const CHIEF_PASSWORD = 'ledningens-lösenord-2';
const CHIEF_PASSWORD_OWN = 'ledningens-eget-lösenord-3';

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  /** What every API call needs beside its own headers: the chief's session cookie and CSRF token. */
  headers: Record<string, string>;
  /** Sends a JSON request signed in as the chief. */
  request(method: string, urlPath: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** SIGKILL: no shutdown hooks, no checkpoint; what a power cut looks like to the process. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface StartOptions {
  /** Run the bundle `pnpm start` runs (apps/api/dist/server.mjs, built by the caller) instead of the sources under tsx. */
  built?: boolean;
  /** The built SPA to serve; by default none, so no test depends on a web build being present. */
  webDist?: string;
}

export async function startServer(databasePath: string, options: StartOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = options.built
    ? ['--enable-source-maps', path.join('apps', 'api', 'dist', 'server.mjs')]
    : ['--import', tsxLoader, path.join('apps', 'api', 'src', 'server.ts')];
  const proc = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_PATH: databasePath, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', FOU_DEMO: '0', FOU_ADMIN_PASSWORD: ADMIN_PASSWORD, WEB_DIST: options.webDist ?? path.join(path.dirname(databasePath), 'no-web') },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));

  const headers: Record<string, string> = {};
  const request: ServerProcess['request'] = async (method, urlPath, body) => {
    const res = await fetch(url + urlPath, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with code ${proc.exitCode} before listening`);
    try {
      const res = await fetch(`${url}/api/v1/reference`);
      if (res.status < 500) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error('server did not start within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  await logIn(url, headers);

  return {
    url,
    proc,
    headers,
    request,
    async kill() {
      proc.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Signs in the way a new install is first used: the first-start admin (password from FOU_ADMIN_PASSWORD) changes
 * the one-time password, creates a FoU chief, and the tests then act as that chief, keeping its session cookie
 * and CSRF token in `headers`. After a restart on the same file the chief just signs in again.
 */
async function logIn(url: string, headers: Record<string, string>): Promise<void> {
  const session = async (username: string, password: string, optional = false) => {
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
    });
    if (optional && res.status === 401) return null;
    if (!res.ok) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { csrfToken: string };
    return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' };
  };
  // A restart on the same file: the chief exists already.
  const again = await session('chef', CHIEF_PASSWORD_OWN, true);
  if (again) {
    headers.cookie = again.cookie;
    headers['x-csrf-token'] = again['x-csrf-token'];
    return;
  }
  const admin = (await session('admin', ADMIN_PASSWORD))!;
  const post = async (path: string, body: unknown) => {
    const res = await fetch(url + path, { method: 'POST', headers: admin, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${path} failed: ${res.status} ${await res.text()}`);
  };
  await post('/api/v1/auth/password', { currentPassword: ADMIN_PASSWORD, newPassword: CHIEF_PASSWORD });
  await post('/api/v1/users', { username: 'chef', displayName: 'Test Chef', role: 'chef', password: CHIEF_PASSWORD });
  // A new account's password is one-time too: the chief sets its own before it may write.
  const first = (await session('chef', CHIEF_PASSWORD))!;
  const changed = await fetch(`${url}/api/v1/auth/password`, {
    method: 'POST', headers: first, body: JSON.stringify({ currentPassword: CHIEF_PASSWORD, newPassword: CHIEF_PASSWORD_OWN }),
  });
  if (!changed.ok) throw new Error(`chief password change failed: ${changed.status} ${await changed.text()}`);
  const chief = first;
  headers.cookie = chief.cookie;
  headers['x-csrf-token'] = chief['x-csrf-token'];
}
