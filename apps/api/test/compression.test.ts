/**
 * What goes over the wire: the SPA's files as the build compressed them (brotli or gzip by Accept-Encoding, with
 * their cache headers), API answers above 1 KB compressed as they go out, small answers and XLSX as they are, and
 * robots.txt as plain text. The raw bytes are read through app.inject (which does not decompress) and unpacked
 * with node:zlib here; supertest (which does) checks the headers a browser sees.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { loadRefs, validBody } from './helpers/fixtures.ts';
import { createSession, SESSION_COOKIE } from '../src/modules/auth/session.service.ts';
import { createUser } from '../src/modules/users/user.service.ts';
import { UnitScope } from '../src/db/unit-scope.ts';

const INDEX_HTML = `<!doctype html><html lang="sv"><head><title>FoU</title><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div>${'<!-- utfyllnad -->'.repeat(40)}</body></html>`;
// Big enough to be worth compressing, and compressible like real JavaScript.
const APP_JS = Array.from({ length: 400 }, (_, i) => `export const v${i} = "värde ${i}";`).join('\n');

const unpack: Record<string, (b: Buffer) => Buffer> = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };

let t: TestApp;
let web: TestApp;
let webDir: string;
let cookie: string;

beforeAll(async () => {
  t = await makeTestApp();
  // A stand-in build with the compressed copies beside each file, as apps/web/vite.config.ts writes them.
  const dir = fs.mkdtempSync(path.join(t.dir, 'web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const write = (rel: string, text: string) => {
    fs.writeFileSync(path.join(dir, rel), text);
    fs.writeFileSync(path.join(dir, `${rel}.br`), zlib.brotliCompressSync(text));
    // Level 1: bytes unlike what compressing per request (level 6) would make, so a test can tell which was sent.
    fs.writeFileSync(path.join(dir, `${rel}.gz`), zlib.gzipSync(text, { level: 1 }));
  };
  write('index.html', INDEX_HTML);
  write('assets/index-abc123.js', APP_JS);
  webDir = dir;
  web = await makeTestApp({ webDist: dir });
  const user = await createUser(new UnitScope(web.app.db, web.unitId), { kind: 'anonymous' }, {
    username: 'raw-chef', displayName: 'Rå Chef', role: 'chef', staffId: null, password: 'testlösenord-123',
  }, false);
  cookie = `${SESSION_COOKIE}=${createSession(web.app.sessions, user.id).token}`;
});
afterAll(async () => {
  await web?.close();
  await t?.close();
});

/** The bytes the server sent, undecoded. */
async function raw(app: TestApp, url: string, acceptEncoding?: string) {
  const res = await app.app.inject({ method: 'GET', url, headers: { cookie, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

describe('the SPA’s precompressed files', () => {
  for (const [accept, encoding] of [['br', 'br'], ['gzip', 'gzip'], ['gzip, deflate, br', 'br']] as const) {
    it(`sends the ${encoding} copy to Accept-Encoding: ${accept}, with its type and cache headers`, async () => {
      const res = await web.anon.get('/assets/index-abc123.js').set('accept-encoding', accept).expect(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers.vary?.toLowerCase()).toContain('accept-encoding');
      expect(res.text).toBe(APP_JS);
      const bytes = await raw(web, '/assets/index-abc123.js', accept);
      // The very bytes the build wrote, not a copy compressed again per request.
      expect(bytes.body.equals(fs.readFileSync(path.join(webDir, 'assets', `index-abc123.js.${encoding === 'br' ? 'br' : 'gz'}`)))).toBe(true);
      expect(unpack[encoding]!(bytes.body).toString('utf8')).toBe(APP_JS);
    });
  }

  it('sends the file as it is without Accept-Encoding', async () => {
    const bytes = await raw(web, '/assets/index-abc123.js');
    expect(bytes.headers['content-encoding']).toBeUndefined();
    expect(bytes.body.toString('utf8')).toBe(APP_JS);
  });

  for (const url of ['/', '/aktiviteter', '/oversikt?year=2018']) {
    it(`compresses index.html for ${url} and keeps it no-cache`, async () => {
      const res = await web.anon.get(url).set('accept-encoding', 'br').expect(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers.vary?.toLowerCase()).toContain('accept-encoding');
      expect(res.text).toBe(INDEX_HTML);
      const gz = await raw(web, url, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.body.equals(fs.readFileSync(path.join(webDir, 'index.html.gz')))).toBe(true);
      expect(zlib.gunzipSync(gz.body).toString('utf8')).toBe(INDEX_HTML);
    });
  }
});

describe('API answers', () => {
  it('compresses a JSON answer above 1 KB by Accept-Encoding, and the unpacked body is the uncompressed one', async () => {
    const plain = await raw(web, '/api/v1/reference');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    for (const encoding of ['br', 'gzip'] as const) {
      const packed = await raw(web, '/api/v1/reference', encoding);
      expect(packed.headers['content-encoding'], encoding).toBe(encoding);
      expect(String(packed.headers.vary).toLowerCase()).toContain('accept-encoding');
      expect(packed.headers['content-type']).toMatch(/^application\/json/);
      expect(packed.body.length).toBeLessThan(plain.body.length / 2);
      expect(unpack[encoding]!(packed.body).equals(plain.body)).toBe(true);
    }
    // Through supertest, which decodes what it gets: the same JSON.
    const res = await t.http.get('/api/v1/reference').set('accept-encoding', 'br').expect(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.municipalities.length).toBeGreaterThan(0);
  });

  it('compresses a list page far above 8 KB in one call (its length known), not streamed through worker threads', async () => {
    const refs = await loadRefs(web);
    for (let i = 0; i < 40; i++) await web.http.post('/api/v1/activities').send(validBody(refs, { title: `Nätverksträff nummer ${i}` })).expect(201);
    const plain = await raw(web, '/api/v1/activities?limit=50');
    expect(plain.body.length).toBeGreaterThan(16 * 1024);
    const packed = await raw(web, '/api/v1/activities?limit=50', 'br');
    expect(packed.headers['content-encoding']).toBe('br');
    expect(packed.headers['transfer-encoding']).toBeUndefined();
    expect(Number(packed.headers['content-length'])).toBe(packed.body.length);
    expect(zlib.brotliDecompressSync(packed.body).equals(plain.body)).toBe(true);
  });

  it('leaves an answer under 1 KB uncompressed, such as a registered activity', async () => {
    const res = await t.http.post('/api/v1/activities').set('accept-encoding', 'br, gzip').send(validBody(await loadRefs(t)));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(Buffer.byteLength(res.text)).toBeLessThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
    const me = await t.http.get('/api/v1/auth/me').set('accept-encoding', 'br').expect(200);
    expect(me.headers['content-encoding']).toBeUndefined();
  });

  it('sends XLSX (already a zip archive) as it is', async () => {
    const bytes = await raw(web, '/api/v1/reports/vb/2018?output=xlsx', 'br, gzip');
    expect(bytes.status).toBe(200);
    expect(bytes.headers['content-type']).toContain('spreadsheetml');
    expect(bytes.headers['content-encoding']).toBeUndefined();
    // A zip archive starts with "PK".
    expect(bytes.body.subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('robots.txt', () => {
  it('asks every crawler to stay out, as plain text, with or without the SPA', async () => {
    for (const app of [t, web]) {
      const res = await app.anon.get('/robots.txt').expect(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.text).toBe('User-agent: *\nDisallow: /\n');
    }
  });
});
