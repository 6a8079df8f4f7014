import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => { t = await makeTestApp(); });
afterAll(async () => { await t.close(); });

describe('a fresh database', () => {
  it('is migrated and seeded with the eight owner municipalities and both goal frameworks', async () => {
    const res = await t.http.get('/api/v1/reference').expect(200);
    expect(res.body.municipalities.map((m: { code: string }) => m.code)).toHaveLength(8);
    expect(res.body.goalFrameworks.map((f: { code: string }) => f.code)).toEqual(['vp2018', 'vp2024']);
    const journal = t.app.db.$client.pragma('journal_mode', { simple: true });
    expect(journal).toBe('wal');
    expect(t.app.db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

describe('serving the web app', () => {
  it('lets browsers keep the hashed assets for good and checks index.html, also behind client routes, every time', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    // A stand-in build: the real one is not made for API tests.
    const webDist = path.join(t.dir, 'web');
    fs.mkdirSync(path.join(webDist, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>FoU</title><script src="/assets/index-abc123.js"></script>');
    fs.writeFileSync(path.join(webDist, 'assets', 'index-abc123.js'), 'console.log(1)');
    fs.writeFileSync(path.join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const web = await makeTestApp({ webDist, logLevel: 'error' });
    try {
      const asset = await web.anon.get('/assets/index-abc123.js').expect(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      for (const url of ['/', '/aktiviteter', '/favicon.svg']) {
        const res = await web.anon.get(url).expect(200);
        expect(res.headers['cache-control'], url).toBe('no-cache');
      }
      await web.anon.get('/assets/missing-999.js').expect(404);
    } finally {
      await web.close();
    }
  });
});
