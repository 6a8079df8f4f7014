/**
 * An install upgraded from the previous release (commit 3dd39e5, single unit): today's code opens its database
 * (test/fixtures/release-3dd39e5.sql, an SQL dump made as its README says), migrates it and keeps everything. Expectations
 * come from the fixture's own rows with plain SQL, read before today's code touches the copy.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { STANDARD_TARGET_GROUPS } from '@fou/domain';
import { buildApp } from '../src/app.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'release-3dd39e5.sql');
// Tables the migrations since 3dd39e5 drop (0009: the global counter is now per unit) or keep their own rows in.
const NOT_COMPARED = new Set(['__drizzle_migrations', 'reference_version']);

interface VbRow { label: string; count: number; percent: number }
interface Before {
  counts: Record<string, number>;
  unitId: number;
  areas: VbRow[];
  goals: VbRow[];
  total: number;
  ownedTables: string[];
}

const halfUp = (count: number, total: number) => Math.floor((count * 100) / total + 0.5);

function readBefore(file: string): Before {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[])
      .filter((n) => !NOT_COMPARED.has(n));
    const counts = Object.fromEntries(tables.map((n) => [n, db.prepare(`select count(*) from "${n}"`).pluck().get() as number]));
    const units = db.prepare('select id from units').pluck().all() as number[];
    expect(units).toHaveLength(1);
    const ownedTables = tables.filter((n) => (db.prepare(`select name from pragma_table_info('${n}')`).pluck().all() as string[]).includes('unit_id'));
    const total = db.prepare('select count(*) from activities where year = 2018').pluck().get() as number;
    // The annual report's area table: activities counted under their top-level area, in the groups' order.
    const areas = (db.prepare(`select coalesce(g.report_label, g.name) as label, count(*) as count
      from activities a join areas l on l.id = a.area_id join areas g on g.id = coalesce(l.parent_id, l.id)
      where a.year = 2018 group by g.id order by g.sort_order, g.id`).all() as { label: string; count: number }[])
      .map((r) => ({ ...r, percent: halfUp(r.count, total) }));
    // Its goal table: the 2018 framework's goals in their order.
    const goals = (db.prepare(`select g.name as label, count(a.id) as count from goals g join goal_frameworks f on f.id = g.framework_id
      left join activities a on a.goal_id = g.id and a.year = 2018
      where f.valid_from <= '2018-12-31' and (f.valid_to is null or f.valid_to >= '2018-01-01') group by g.id order by g.sort_order, g.id`).all() as { label: string; count: number }[])
      .map((r) => ({ ...r, percent: halfUp(r.count, total) }));
    return { counts, unitId: units[0]!, areas, goals, total, ownedTables };
  } finally {
    db.close();
  }
}

let dir: string;
let file: string;
let before: Before;
let app: FastifyInstance;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fou-upgrade-'));
  file = path.join(dir, 'fou.sqlite');
  // The fixture is kept as text (reviewable, no binary in the repository); the old release's file is rebuilt from it.
  const old = new Database(file);
  old.exec(fs.readFileSync(FIXTURE, 'utf8'));
  old.close();
  before = readBefore(file);
  app = await buildApp({ port: 0, host: '127.0.0.1', databasePath: file, webDist: path.join(dir, 'no-web'), logLevel: 'silent', demo: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const q = <T>(sql: string, ...args: unknown[]) => app.db.$client.prepare(sql).all(...args) as T[];

describe('upgrading a database of the previous release', () => {
  it('starts from a real single-unit install: demo years 2017–2020, four accounts', () => {
    expect(before.total).toBe(312);
    expect(before.counts.users).toBe(4);
    expect(before.counts.activities).toBe(96 + 312 + 305 + 262);
  });

  it('keeps the row count of every table (users: plus the install administrator)', () => {
    for (const [table, n] of Object.entries(before.counts)) {
      const now = q<{ n: number }>(`select count(*) as n from "${table}"`)[0]!.n;
      expect(now, table).toBe(table === 'users' ? n + 1 : n);
    }
    expect(q('pragma foreign_key_check')).toEqual([]);
    expect(q<{ integrity_check: string }>('pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('puts every existing row in the one unit', () => {
    expect(q<{ id: number }>('select id from units')).toEqual([{ id: before.unitId }]);
    for (const table of before.ownedTables) {
      const outside = q<{ n: number }>(`select count(*) as n from "${table}" where unit_id is not ? and not (${table === 'users' ? "role = 'installation'" : '0'})`, before.unitId)[0]!.n;
      expect(outside, table).toBe(0);
    }
    expect(q('select unit_id as unitId from unit_reference_versions')).toEqual([{ unitId: before.unitId }]);
  });

  it('has an install administrator afterwards, of no unit, who must change the password', () => {
    expect(q("select username, unit_id as unitId, must_change_password as m, active from users where role = 'installation'"))
      .toEqual([{ username: 'installation', unitId: null, m: 1, active: 1 }]);
  });

  it('lets the demo accounts sign in, in the one unit, and gives the same VB 2018 tables', async () => {
    for (const [username, password, role] of [['chef', 'demo-chef-2018', 'chef'], ['medarbetare', 'demo-medarbetare-2018', 'medarbetare'], ['rad', 'demo-rad-2018', 'rad'], ['admin', 'demo-admin-2018', 'admin']] as const) {
      const res = await supertest(app.server).post('/api/v1/auth/login').send({ username, password }).expect(200);
      expect(res.body).toMatchObject({ role, mustChangePassword: false, unit: { id: before.unitId, name: 'FoU Nordväst' } });
    }
    const chef = supertest.agent(app.server);
    const login = await chef.post('/api/v1/auth/login').send({ username: 'chef', password: 'demo-chef-2018' }).expect(200);
    chef.set('x-csrf-token', login.body.csrfToken as string);
    const vb = (await chef.get('/api/v1/reports/vb/2018').expect(200)).body as { activityCount: number; tables: { id: string; rows: VbRow[]; total: { count: number } }[] };
    expect(vb.activityCount).toBe(before.total);
    const [areas, goals] = vb.tables;
    expect(areas!.rows.map(({ label, count, percent }) => ({ label, count, percent }))).toEqual(before.areas);
    expect(goals!.rows.map(({ label, count, percent }) => ({ label, count, percent }))).toEqual(before.goals);
    expect(areas!.total.count).toBe(before.total);
    // The figures are VB 2018's own, as the demo was built to give.
    expect(before.areas.map((r) => r.percent)).toEqual([42, 36, 22]);
    expect(before.goals.map((r) => r.percent)).toEqual([32, 27, 33, 9]);
  });

  it('gets the standard target groups (migration 0011), and reports its activities as having none and no split', async () => {
    expect(q('select key, name from target_groups where unit_id = ? order by sort_order', before.unitId))
      .toEqual(STANDARD_TARGET_GROUPS.map((g) => ({ key: g.key, name: g.sv })));
    const chef = supertest.agent(app.server);
    const login = await chef.post('/api/v1/auth/login').send({ username: 'chef', password: 'demo-chef-2018' }).expect(200);
    chef.set('x-csrf-token', login.body.csrfToken as string);
    const owners = (await chef.get('/api/v1/reports/owners?year=2018').expect(200)).body as { totals: Record<string, number>; owners: { activities: number }[] };
    const noneNamed = q<{ n: number }>('select count(*) as n from activities a where a.year = 2018 and not exists (select 1 from activity_municipalities m where m.activity_id = a.id)')[0]!.n;
    const shared = q<{ n: number }>('select count(*) as n from activities a where a.year = 2018 and a.participants is not null and (select count(*) from activity_municipalities m where m.activity_id = a.id) > 1')[0]!.n;
    expect(owners.totals).toMatchObject({ activities: before.total, withoutTargetGroup: before.total, noOwnerMunicipality: 0, noMunicipalityGiven: noneNamed, sharedWithoutSplit: shared });
    const first = (await chef.get('/api/v1/activities?limit=1').expect(200)).body.items[0];
    expect(first).toMatchObject({ noOwnerMunicipality: false, targetGroups: [] });
  });

  it('gets English names for its standard registers (migration 0012), where the Swedish name is still the seeded one', () => {
    expect(q('select code, name_en as nameEn from areas where unit_id = ? and parent_id is null order by sort_order', before.unitId)).toEqual([
      { code: 'ifo', nameEn: 'All of individual and family care' },
      { code: 'bou', nameEn: 'Children, young people and families' },
      { code: 'vuxen', nameEn: 'Adults' },
    ]);
    expect(q("select g.key, g.name_en as nameEn from goals g join goal_frameworks f on f.id = g.framework_id where f.unit_id = ? and f.code = 'vp2018' order by g.sort_order", before.unitId)).toEqual([
      { key: 'kunskapsutveckling', nameEn: 'Support in using and developing knowledge' },
      { key: 'metodstod', nameEn: 'Support for systematic development of methods and quality' },
      { key: 'spridning', nameEn: 'Support for spreading knowledge' },
      { key: 'samverkan', nameEn: 'Support in increasing collaboration between practice and academia' },
    ]);
    expect(q("select name_en as nameEn from activity_types where unit_id = ? and name = 'Seminarium'", before.unitId)).toEqual([{ nameEn: 'Seminar' }]);
    expect(q('select key, name_en as nameEn from target_groups where unit_id = ? order by sort_order', before.unitId))
      .toEqual(STANDARD_TARGET_GROUPS.map((g) => ({ key: g.key, nameEn: g.en })));
  });
});
