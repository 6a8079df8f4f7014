import { todayInSweden } from '@fou/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { fieldsOf, loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;
beforeAll(async () => { t = await makeTestApp(); r = await loadRefs(t); });
afterAll(async () => { await t.close(); });

const rows = <T>(sql: string, ...params: unknown[]) => t.app.db.$client.prepare(sql).all(...params) as T[];

type Item = { id: number; title: string; status: string; outcome: string | null; goal: { id: number; key: string; frameworkCode: string }; area: { id: number }; planned: string[]; targetCount: number | null; staff: { id: number }[]; carriedFrom: { id: number; year: number; title: string } | null };

describe('copying a plan into the next year', () => {
  const SOURCE = [
    { title: 'Klar', status: 'genomford', goal: 'spridning', area: 'bou', outcome: 'Genomförd' },
    { title: 'Pågående', status: 'pagar', goal: 'kunskapsutveckling', area: 'ifo', outcome: null },
    { title: 'Struken', status: 'inte_genomford', goal: 'metodstod', area: 'ekb', outcome: 'Inte genomförd' },
    { title: 'Delvis', status: 'delvis_genomford', goal: 'samverkan', area: 'missbruk', outcome: 'Hälften gjord' },
    { title: 'Flyttad', status: 'framflyttad', goal: 'spridning', area: 'socpsyk', outcome: null },
    { title: 'Ej påbörjad', status: 'planerad', goal: 'metodstod', area: 'bou', outcome: null },
  ] as const;
  const FINISHED = new Set(['genomford', 'inte_genomford']);

  it('copies 2023 (VP 2018) into 2024 (VP 2024): goals re-mapped by key, unfinished items carried with their origin, statuses reset', async () => {
    const source = new Map<string, Item>();
    for (const [i, s] of SOURCE.entries()) {
      const item = (await t.http.post('/api/v1/plan-items').send({
        year: 2023, title: s.title, goalId: r.goals.vp2018[s.goal], areaId: r.areas[s.area], status: s.status, outcome: s.outcome,
        planned: [`Rad ${i}`], targetCount: i, staffIds: [r.staff[i % r.staff.length]],
      }).expect(201)).body as Item;
      source.set(s.title, item);
    }
    const auditBefore = rows<{ n: number }>("select count(*) n from audit_log where action = 'copy'")[0]!.n;
    const res = (await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2023, toYear: 2024 }).expect(201)).body;
    const unfinished = SOURCE.filter((s) => !FINISHED.has(s.status));
    expect(res).toMatchObject({ fromYear: 2023, toYear: 2024, copied: SOURCE.length, carried: unfinished.length });

    const copied = (await t.http.get('/api/v1/plan-items').query({ year: 2024 }).expect(200)).body as Item[];
    expect(copied.map((c) => c.title).sort()).toEqual(SOURCE.map((s) => s.title).sort());
    for (const c of copied) {
      const from = source.get(c.title)!;
      const spec = SOURCE.find((s) => s.title === c.title)!;
      expect(c.goal).toMatchObject({ id: r.goals.vp2024[spec.goal], key: spec.goal, frameworkCode: 'vp2024' });
      expect(c.area.id).toBe(from.area.id);
      expect(c).toMatchObject({ status: 'planerad', outcome: null, planned: from.planned, targetCount: from.targetCount });
      expect(c.staff.map((s) => s.id)).toEqual(from.staff.map((s) => s.id));
      expect(c.carriedFrom).toEqual(FINISHED.has(spec.status) ? null : { id: from.id, year: 2023, title: from.title });
    }
    // The database agrees, and the source year is untouched.
    const carried = rows<{ carried_from_id: number }>('select carried_from_id from plan_items where year = 2024 and carried_from_id is not null order by 1');
    expect(carried.map((c) => c.carried_from_id)).toEqual(unfinished.map((s) => source.get(s.title)!.id).sort((a, b) => a - b));
    const after2023 = (await t.http.get('/api/v1/plan-items').query({ year: 2023 }).expect(200)).body as Item[];
    expect(after2023.map((i) => [i.title, i.status]).sort()).toEqual(SOURCE.map((s) => [s.title, s.status]).sort());

    const audit = rows<{ entity_id: number }>("select entity_id from audit_log where action = 'copy' and entity = 'plan_item' order by id").slice(auditBefore);
    expect(audit.map((a) => a.entity_id).sort()).toEqual(copied.map((c) => c.id).sort());

    const again = await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2023, toYear: 2024 }).expect(409);
    expect(again.body.statusCode).toBe(409);
    expect(rows<{ n: number }>('select count(*) n from plan_items where year = 2024')[0]!.n).toBe(SOURCE.length);
  });

  it('answers 400 on the field for an empty source year and for a target year not after it', async () => {
    expect(fieldsOf((await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2030, toYear: 2031 }).expect(400)).body)).toEqual(['fromYear']);
    expect(fieldsOf((await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2023, toYear: 2023 }).expect(400)).body)).toEqual(['toYear']);
  });
});

describe('the framework boundary between VP 2018 and VP 2024', () => {
  it('plan items: 2023 takes VP 2018 goals only, 2024 VP 2024 goals only', async () => {
    const body = (year: number, fw: 'vp2018' | 'vp2024') => ({ year, title: `Gräns ${year} ${fw}`, goalId: r.goals[fw].spridning, areaId: r.areas.bou });
    await t.http.post('/api/v1/plan-items').send(body(2023, 'vp2018')).expect(201);
    await t.http.post('/api/v1/plan-items').send(body(2024, 'vp2024')).expect(201);
    const a = await t.http.post('/api/v1/plan-items').send(body(2023, 'vp2024')).expect(400);
    expect(a.body.fields).toMatchObject([{ field: 'goalId', code: 'goal_not_valid_for_year' }]);
    const b = await t.http.post('/api/v1/plan-items').send(body(2024, 'vp2018')).expect(400);
    expect(b.body.fields).toMatchObject([{ field: 'goalId', code: 'goal_not_valid_for_year' }]);
  });

  it('activities: 2023-12-31 takes VP 2018 and a 2023 item, 2024-01-01 VP 2024 and a 2024 item', async () => {
    const item = (year: number, fw: 'vp2018' | 'vp2024') => t.http.post('/api/v1/plan-items')
      .send({ year, title: `Länk ${year}`, goalId: r.goals[fw].samverkan, areaId: r.areas.ifo }).expect(201).then((res) => res.body.id as number);
    const i2023 = await item(2023, 'vp2018');
    const i2024 = await item(2024, 'vp2024');
    await t.http.post('/api/v1/activities').send(validBody(r, { date: '2023-12-31', goalId: r.goals.vp2018.samverkan, planItemId: i2023 })).expect(201);
    await t.http.post('/api/v1/activities').send(validBody(r, { date: '2024-01-01', goalId: r.goals.vp2024.samverkan, planItemId: i2024 })).expect(201);
    expect(fieldsOf((await t.http.post('/api/v1/activities').send(validBody(r, { date: '2023-12-31', goalId: r.goals.vp2024.samverkan })).expect(400)).body)).toEqual(['goalId']);
    expect(fieldsOf((await t.http.post('/api/v1/activities').send(validBody(r, { date: '2024-01-01', goalId: r.goals.vp2018.samverkan })).expect(400)).body)).toEqual(['goalId']);
    expect(fieldsOf((await t.http.post('/api/v1/activities').send(validBody(r, { date: '2023-12-31', goalId: r.goals.vp2018.samverkan, planItemId: i2024 })).expect(400)).body)).toEqual(['planItemId']);
    expect(fieldsOf((await t.http.post('/api/v1/activities').send(validBody(r, { date: '2024-01-01', goalId: r.goals.vp2024.samverkan, planItemId: i2023 })).expect(400)).body)).toEqual(['planItemId']);
  });
});

describe('renaming a goal', () => {
  it('keeps the old name with today as its last day, so earlier years keep their label', async () => {
    const goalId = r.goals.vp2018.metodstod;
    const before = (await t.http.get(`/api/v1/goals/${goalId}/names`).expect(200)).body;
    expect(before.history).toEqual([]);
    await t.http.post('/api/v1/plan-items').send({ year: 2019, title: 'Metodstöd 2019', goalId, areaId: r.areas.bou }).expect(201);

    // A change that is not a rename leaves no history.
    await t.http.patch(`/api/v1/goals/${goalId}`).send({ description: 'Ny beskrivning' }).expect(200);
    expect((await t.http.get(`/api/v1/goals/${goalId}/names`).expect(200)).body.history).toEqual([]);

    const renamed = (await t.http.patch(`/api/v1/goals/${goalId}`).send({ name: 'Stöd till metodutveckling' }).expect(200)).body;
    expect(renamed.name).toBe('Stöd till metodutveckling');
    const names = (await t.http.get(`/api/v1/goals/${goalId}/names`).expect(200)).body;
    expect(names).toEqual({ goalId, name: 'Stöd till metodutveckling', shortName: before.shortName, history: [{ name: before.name, shortName: before.shortName, replacedOn: todayInSweden() }] });

    // The 2019 follow-up and the 2019 plan itself are labelled with the name in force at the end of 2019.
    const followup = (await t.http.get('/api/v1/plan-followup').query({ year: 2019 }).expect(200)).body;
    expect(followup.goals.find((g: { key: string }) => g.key === 'metodstod').name).toBe(before.name);
    expect(followup.items[0].goal.name).toBe(before.name);
    const listed = (await t.http.get('/api/v1/plan-items').query({ year: 2019 }).expect(200)).body;
    expect(listed[0].goal).toMatchObject({ id: goalId, name: before.name, shortName: before.shortName });
    expect((await t.http.get(`/api/v1/plan-items/${listed[0].id}`).expect(200)).body.goal.name).toBe(before.name);
    // Renaming back and forth does not disturb 2019's label either.
    await t.http.patch(`/api/v1/goals/${goalId}`).send({ name: 'Ännu ett namn' }).expect(200);
    expect((await t.http.get('/api/v1/plan-items').query({ year: 2019 }).expect(200)).body[0].goal.name).toBe(before.name);
    await t.http.patch(`/api/v1/goals/${goalId}`).send({ name: 'Stöd till metodutveckling' }).expect(200);

    const audit = rows<{ action: string }>("select action from audit_log where entity = 'goal' and entity_id = ?", goalId);
    expect(audit.map((a) => a.action)).toEqual(['update', 'update', 'update', 'update']);
    await t.http.get('/api/v1/goals/99999/names').expect(404);
  });
});

describe('changing a framework period under existing plan items', () => {
  it('refuses (409) to end VP 2024 before a year that has plan items under it, and allows it after', async () => {
    const fw = ((await t.http.get('/api/v1/goal-frameworks').expect(200)).body as { id: number; code: string }[]).find((f) => f.code === 'vp2024')!;
    await t.http.post('/api/v1/plan-items').send({ year: 2027, title: 'Långt fram', goalId: r.goals.vp2024.spridning, areaId: r.areas.bou }).expect(201);
    const res = await t.http.patch(`/api/v1/goal-frameworks/${fw.id}`).send({ validTo: '2026-12-31' }).expect(409);
    expect(res.body.message).toContain('planpunkter');
    await t.http.patch(`/api/v1/goal-frameworks/${fw.id}`).send({ validTo: '2027-12-31' }).expect(200);
  });

  it('copying into a year without a framework, or whose framework lacks a goal key, is 400 on toYear', async () => {
    // VP 2024 now ends 2027-12-31 (previous test); 2027 has an item under its spridning goal.
    const none = await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2027, toYear: 2028 }).expect(400);
    expect(none.body.fields).toMatchObject([{ field: 'toYear', code: 'no_framework_for_year' }]);
    await t.http.post('/api/v1/goal-frameworks').send({
      code: 'vp2028', name: 'VP 2028', validFrom: '2028-01-01', validTo: null, goals: [{ key: 'kunskapsutveckling', name: 'Kunskap' }],
    }).expect(201);
    const missing = await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2027, toYear: 2028 }).expect(400);
    expect(missing.body.fields).toMatchObject([{ field: 'toYear', code: 'goal_missing_in_framework' }]);
    expect(missing.body.fields[0].message).toContain('spridning');
    expect(rows<{ n: number }>('select count(*) n from plan_items where year = 2028')[0]!.n).toBe(0);
  });
});
