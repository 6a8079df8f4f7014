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
