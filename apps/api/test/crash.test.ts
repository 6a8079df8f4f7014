/**
 * A SIGKILL in the middle of concurrent writes must lose nothing the server acknowledged and leave a sound file:
 * the real server process, eight requests in flight, killed, restarted on the same SQLite file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type ServerProcess } from './helpers/server-process.ts';

interface Reference {
  municipalities: { id: number; code: string }[];
  areas: { id: number; code: string }[];
  goalFrameworks: { code: string; goals: { id: number; key: string }[] }[];
  activityTypes: { id: number }[];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fou-crash-'));
const databasePath = path.join(dir, 'fou.sqlite');
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it('keeps every acknowledged write after SIGKILL under concurrent load', async () => {
    server = await startServer(databasePath);
    const staffIds: number[] = [];
    for (const name of ['Anna Andersson', 'Bo Berg']) {
      const res = await server.request('POST', '/api/v1/staff', { name, title: 'Utredare' });
      expect(res.status).toBe(201);
      staffIds.push((res.body as { id: number }).id);
    }
    const ref = (await server.request('GET', '/api/v1/reference')).body as Reference;
    const vp2018 = ref.goalFrameworks.find((f) => f.code === 'vp2018')!;
    const body = (n: number) => ({
      date: '2018-03-14',
      title: `Krocktest ${n} – åäö`,
      goalId: vp2018.goals[n % vp2018.goals.length]!.id,
      areaId: ref.areas.find((a) => a.code === 'bou')!.id,
      typeId: ref.activityTypes[0]!.id,
      format: 'fysiskt',
      municipalityIds: [ref.municipalities[n % ref.municipalities.length]!.id],
      staffIds: n % 2 ? staffIds : [staffIds[0]],
    });

    const acknowledged = new Map<number, string>();
    const killAfter = 120;
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const n = next++;
        try {
          const res = await server!.request('POST', '/api/v1/activities', body(n));
          if (res.status === 201) {
            const a = res.body as { id: number; title: string };
            acknowledged.set(a.id, a.title);
          } else {
            throw new Error(`write ${n} answered ${res.status}: ${JSON.stringify(res.body)}`);
          }
        } catch (err) {
          // Requests cut off by the kill fail at the socket; nothing was promised for them.
          if (!killed) throw err;
        }
        if (acknowledged.size >= killAfter && !killed) {
          killed = true;
          await server!.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAfter);

    server = await startServer(databasePath);
    for (const [id, title] of acknowledged) {
      const res = await server.request('GET', `/api/v1/activities/${id}`);
      expect(res.status, `activity ${id}`).toBe(200);
      expect((res.body as { title: string }).title).toBe(title);
    }
    await server.stop();
    server = undefined;

    const db = new Database(databasePath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // Each activity was written in one transaction with its staff links: none may be left without them.
      const orphans = db.prepare('select count(*) as n from activities a where not exists (select 1 from activity_staff s where s.activity_id = a.id)').get() as { n: number };
      expect(orphans.n).toBe(0);
      const count = (db.prepare('select count(*) as n from activities').get() as { n: number }).n;
      // Writes in flight at the kill may or may not have committed, but never more than were sent.
      expect(count).toBeGreaterThanOrEqual(acknowledged.size);
      expect(count).toBeLessThanOrEqual(next);
    } finally {
      db.close();
    }
  }, 120_000);
});
