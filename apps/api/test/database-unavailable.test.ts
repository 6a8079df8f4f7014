/**
 * When the database cannot write: another process holding the write lock for long, a full disk, a read-only file,
 * and a start on a path that cannot be written. The API must keep answering reads, answer writes with 503 and a
 * Swedish reason, write nothing half, and refuse to start with one readable line.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoot } from '../src/config.ts';
import { countActivities, loadRefs, validBody, type Refs } from './helpers/fixtures.ts';
import { freePort } from './helpers/server-process.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
let r: Refs;
const web = fs.mkdtempSync(path.join(os.tmpdir(), 'fou-web-'));
beforeAll(async () => {
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>FoU</title>');
  fs.writeFileSync(path.join(web, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await makeTestApp({ webDist: web });
  r = await loadRefs(t);
});
afterAll(async () => {
  await t.close();
  fs.rmSync(web, { recursive: true, force: true });
});

/**
 * Another process takes SQLite's write lock (BEGIN IMMEDIATE) and keeps it for `ms`: a second process, so that
 * holding it cannot block this test's own event loop. Resolves once the lock is held.
 */
function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(file)});
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('ROLLBACK'); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script], { cwd: apiRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ released }));
    child.once('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
}

async function timed<T>(fn: () => PromiseLike<T>): Promise<{ ms: number; res: T }> {
  const started = performance.now();
  const res = await fn();
  return { ms: performance.now() - started, res };
}

describe('another process holding the write lock for 12 s', () => {
  it('keeps reads and static files answering within 200 ms while a write waits, then answers it 503 within 6 s, writing nothing', async () => {
    // Make every session's expiry due to slide, so GET /auth/me would want to write.
    t.app.db.$client.prepare('update sessions set expires_at = ?').run(new Date(Date.now() + 60 * 60 * 1000).toISOString());
    const before = countActivities(t);
    const { released } = await holdWriteLock(t.databasePath, 12_000);
    try {
      const started = performance.now();
      let postDone = false;
      const post = t.http.post('/api/v1/activities').send(validBody(r)).then((res) => { postDone = true; return res; });
      const reads: number[] = [];
      // Reads while the write waits for the lock, and after it gave up.
      while (!postDone || reads.length < 20) {
        const me = await timed(() => t.http.get('/api/v1/auth/me'));
        expect(me.res.status).toBe(200);
        const file = await timed(() => t.anon.get('/favicon.svg'));
        expect(file.res.status).toBe(200);
        const list = await timed(() => t.http.get('/api/v1/activities?limit=5'));
        expect(list.res.status).toBe(200);
        reads.push(me.ms, file.ms, list.ms);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const res = await post;
      const postMs = performance.now() - started;
      expect(res.status).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect(res.body.message).toMatch(/upptagen.*Inget sparades/);
      expect(postMs).toBeGreaterThanOrEqual(4_500);
      expect(postMs).toBeLessThanOrEqual(6_000);
      expect(Math.max(...reads)).toBeLessThan(200);
      expect(countActivities(t)).toBe(before);
    } finally {
      await released;
    }
    // The lock gone, the same write goes through, and the session slides again.
    await t.http.post('/api/v1/activities').send(validBody(r)).expect(201);
    expect(countActivities(t)).toBe(before + 1);
  }, 30_000);

  it('lets a write through as soon as a short lock is released, without an error', async () => {
    const before = countActivities(t);
    const { released } = await holdWriteLock(t.databasePath, 800);
    const { ms, res } = await timed(() => t.http.post('/api/v1/activities').send(validBody(r)));
    await released;
    expect(res.status).toBe(201);
    expect(ms).toBeGreaterThanOrEqual(500);
    expect(countActivities(t)).toBe(before + 1);
  });
});

describe('a database that cannot write while running', () => {
  it('answers a full disk with 503 in Swedish, writing nothing, and works again once there is room', async () => {
    const db = t.app.db.$client;
    const before = countActivities(t);
    const audit = (db.prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    const pages = db.pragma('page_count', { simple: true }) as number;
    // The connection may not grow the file: what SQLite answers when the disk is full.
    db.pragma(`max_page_count = ${pages}`);
    try {
      const bodies = Array.from({ length: 40 }, (_, i) => validBody(r, { title: `Fyller disken ${i}`, description: 'x'.repeat(4000) }));
      let full: { status: number; body: { message: string; statusCode: number } } | undefined;
      for (const b of bodies) {
        const res = await t.http.post('/api/v1/activities').send(b);
        if (res.status !== 201) { full = res; break; }
      }
      expect(full?.status).toBe(503);
      expect(full!.body.statusCode).toBe(503);
      expect(full!.body.message).toMatch(/disken är full.*Inget sparades/);
      // Every activity has its trail, and no trail is without its activity.
      const written = countActivities(t) - before;
      expect((db.prepare('select count(*) as n from audit_log').get() as { n: number }).n - audit).toBe(written);
      expect((db.prepare('select count(*) as n from activities a where not exists (select 1 from activity_staff s where s.activity_id = a.id)').get() as { n: number }).n).toBe(0);
    } finally {
      db.pragma('max_page_count = 4294967294');
    }
    await t.http.post('/api/v1/activities').send(validBody(r)).expect(201);
  });

  it('answers a read-only database with 503 in Swedish, also for a login, and keeps reads working', async () => {
    const db = t.app.db.$client;
    const before = countActivities(t);
    db.pragma('query_only = 1');
    try {
      const res = await t.http.post('/api/v1/activities').send(validBody(r)).expect(503);
      expect(res.body.message).toMatch(/skrivskyddad.*Inget sparades/);
      await t.http.post('/api/v1/staff').send({ name: 'Ny Person', title: 'Utredare' }).expect(503);
      await t.http.get('/api/v1/activities?limit=1').expect(200);
    } finally {
      db.pragma('query_only = 0');
    }
    expect(countActivities(t)).toBe(before);
  });
});

describe('starting on a path that cannot be written', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fou-ro-'));
  afterAll(() => {
    unprotect(path.join(dir, 'locked'));
    unprotect(path.join(dir, 'rofile', 'fou.sqlite'));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Read-only for whoever runs the tests: chmod for a normal account, the immutable flag for root (CI). */
  function protect(p: string): void {
    if (process.getuid?.() === 0) {
      const res = spawnSync('chattr', ['+i', p]);
      if (res.status !== 0) throw new Error(`chattr +i ${p} failed: ${res.stderr}`);
    } else {
      fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o555 : 0o444);
    }
  }
  function unprotect(p: string): void {
    if (!fs.existsSync(p)) return;
    if (process.getuid?.() === 0) spawnSync('chattr', ['-i', p]);
    else fs.chmodSync(p, 0o755);
  }

  async function start(databasePath: string): Promise<{ code: number | null; stderr: string; ms: number }> {
    const started = Date.now();
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join('src', 'server.ts')], {
      cwd: apiRoot,
      env: { ...process.env, DATABASE_PATH: databasePath, PORT: String(await freePort()), HOST: '127.0.0.1', LOG_LEVEL: 'warn', FOU_DEMO: '0', FOU_ADMIN_PASSWORD: 'ett-startlösenord-för-test', WEB_DIST: path.join(dir, 'no-web') },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
      proc.once('exit', (c) => { clearTimeout(timer); resolve(c); });
    });
    return { code, stderr, ms: Date.now() - started };
  }

  const expectOneReadableLine = (stderr: string, file: string) => {
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^FoU-uppföljning kan inte starta: Databasfilen /);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toContain('DATABASE_PATH');
    expect(lines[0]).toMatch(/skrivrätt/);
  };

  it('where a file stands in for the folder', async () => {
    fs.writeFileSync(path.join(dir, 'a-file'), 'x');
    const file = path.join(dir, 'a-file', 'fou.sqlite');
    const res = await start(file);
    expect(res.code).toBe(1);
    expectOneReadableLine(res.stderr, file);
  });

  it('in a folder it may not write', async () => {
    fs.mkdirSync(path.join(dir, 'locked'));
    protect(path.join(dir, 'locked'));
    const file = path.join(dir, 'locked', 'fou.sqlite');
    const res = await start(file);
    expect(res.code).toBe(1);
    expectOneReadableLine(res.stderr, file);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('on a database file it may only read', async () => {
    fs.mkdirSync(path.join(dir, 'rofile'));
    const file = path.join(dir, 'rofile', 'fou.sqlite');
    fs.writeFileSync(file, '');
    protect(file);
    const res = await start(file);
    expect(res.code).toBe(1);
    expectOneReadableLine(res.stderr, file);
  });
});
