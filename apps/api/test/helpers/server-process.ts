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

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  /** What every API call needs beside its own headers (the session cookie and CSRF token once logins exist). */
  headers: Record<string, string>;
  /** Sends a JSON request with whatever the session needs (cookie, CSRF header) once logins exist. */
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

export async function startServer(databasePath: string): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = spawn(process.execPath, ['--import', tsxLoader, path.join('apps', 'api', 'src', 'server.ts')], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_PATH: databasePath, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', FOU_DEMO: '0', WEB_DIST: path.join(path.dirname(databasePath), 'no-web') },
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
 * Logins are not there yet. When /api/v1/auth/login exists this signs in as the first-start admin and keeps the
 * session cookie and CSRF token in `headers`; until then the 404 leaves the headers empty.
 */
async function logIn(url: string, headers: Record<string, string>, username = 'admin', password = 'admin'): Promise<void> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status === 404) return;
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (cookie) headers.cookie = cookie;
  const body = (await res.json()) as { csrfToken?: string };
  if (body.csrfToken) headers['x-csrf-token'] = body.csrfToken;
}
