/**
 * `pnpm backup` against the real server while it writes: the copy must be a sound file holding one consistent
 * moment (every activity with its links, nothing half-written), and once writing stops a second copy must equal
 * the live database table for table.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';
import { startServer, type ServerProcess } from './helpers/server-process.ts';
import { tableChecksums } from './helpers/db-checksum.ts';

const run = promisify(execFile);
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fou-backup-'));
const databasePath = path.join(dir, 'fou.sqlite');
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the backup script as `pnpm backup` would, with a path relative to the folder it is started from. */
async function backup(name: string): Promise<{ file: string; stdout: string }> {
  const { stdout } = await run(process.execPath, ['--import', tsxLoader, path.join(repoRoot, 'apps/api/scripts/backup.ts'), name], {
    cwd: path.join(repoRoot, 'apps/api'),
    env: { ...process.env, DATABASE_PATH: databasePath, INIT_CWD: dir },
  });
  return { file: path.join(dir, name), stdout };
}

function open(file: string) {
  return new Database(file, { readonly: true, fileMustExist: true });
}

describe('online backup', () => {
  it('copies a consistent database while the server writes, and an exact one when it is idle', async () => {
    server = await startServer(databasePath);
    const staffIds: number[] = [];
    for (const name of ['Anna Andersson', 'Bo Berg', 'Cecilia Ek']) {
      const res = await server.request('POST', '/api/v1/staff', { name, title: 'Utredare' });
      expect(res.status).toBe(201);
      staffIds.push((res.body as { id: number }).id);
    }
    const ref = (await server.request('GET', '/api/v1/reference')).body as {
      municipalities: { id: number }[];
      areas: { id: number; code: string }[];
      goalFrameworks: { code: string; goals: { id: number }[] }[];
      activityTypes: { id: number }[];
    };
    const goals = ref.goalFrameworks.find((f) => f.code === 'vp2018')!.goals;
    let n = 0;
    let writing = true;
    const writer = async () => {
      while (writing) {
        const i = n++;
        const res = await server!.request('POST', '/api/v1/activities', {
          date: '2018-05-02',
          title: `Säkerhetskopiering ${i}`,
          goalId: goals[i % goals.length]!.id,
          areaId: ref.areas.find((a) => a.code === 'ekb')!.id,
          typeId: ref.activityTypes[i % ref.activityTypes.length]!.id,
          format: 'digitalt',
          municipalityIds: ref.municipalities.slice(0, 1 + (i % ref.municipalities.length)).map((m) => m.id),
          staffIds: staffIds.slice(0, 1 + (i % staffIds.length)),
        });
        expect(res.status).toBe(201);
      }
    };
    const writers = Array.from({ length: 4 }, writer);
    while (n < 50) await new Promise((r) => setTimeout(r, 20));

    const first = await backup('under-load.sqlite');
    const writtenDuringBackup = n;
    expect(first.stdout).toContain('integritetskontroll: ok');
    writing = false;
    await Promise.all(writers);
    const second = await backup('idle.sqlite');

    // The idle copy equals the live file (read beside the still-running server) in every table.
    const live = open(databasePath);
    const copy2 = open(second.file);
    try {
      expect(copy2.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(tableChecksums(copy2)).toEqual(tableChecksums(live));
      expect((copy2.prepare('select count(*) as n from activities').get() as { n: number }).n).toBe(n);
    } finally {
      copy2.close();
    }

    // The copy taken under load is one moment of that history: sound, every activity complete with its links,
    // and each of its rows identical to the row in the live database.
    const copy1 = open(first.file);
    try {
      expect(copy1.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy1.pragma('foreign_key_check')).toEqual([]);
      expect(copy1.pragma('journal_mode', { simple: true })).toBe('delete');
      const count = (copy1.prepare('select count(*) as n from activities').get() as { n: number }).n;
      expect(count).toBeGreaterThanOrEqual(50);
      expect(count).toBeLessThanOrEqual(writtenDuringBackup);
      for (const [table, key] of [['activities', 'id'], ['activity_staff', 'activity_id'], ['activity_municipalities', 'activity_id']] as const) {
        const rows = copy1.prepare(`select * from ${table} order by rowid`).raw().all() as unknown[][];
        const liveRows = live.prepare(`select * from ${table} where ${key} <= ? order by rowid`).raw().all(count) as unknown[][];
        expect(rows, table).toEqual(liveRows.slice(0, rows.length));
      }
      // Activity i was sent with 1 + i % 3 staff and 1 + i % 8 municipalities: a half-copied link set shows here.
      const linkCounts = copy1.prepare(`select a.title,
          (select count(*) from activity_staff s where s.activity_id = a.id) as staff,
          (select count(*) from activity_municipalities m where m.activity_id = a.id) as municipalities
        from activities a`).all() as { title: string; staff: number; municipalities: number }[];
      expect(linkCounts).toHaveLength(count);
      for (const row of linkCounts) {
        const i = Number(row.title.replace('Säkerhetskopiering ', ''));
        expect(row, row.title).toEqual({ title: row.title, staff: 1 + (i % staffIds.length), municipalities: 1 + (i % ref.municipalities.length) });
      }
    } finally {
      copy1.close();
      live.close();
    }
  }, 120_000);
});
