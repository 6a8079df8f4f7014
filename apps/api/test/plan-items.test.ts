import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { fieldsOf, loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;
beforeAll(async () => { t = await makeTestApp(); r = await loadRefs(t); });
afterAll(async () => { await t.close(); });

const rows = <T>(sql: string, ...params: unknown[]) => t.app.db.$client.prepare(sql).all(...params) as T[];

function itemBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    year: 2018,
    title: 'BBIC-samordning',
    goalId: r.goals.vp2018.spridning,
    areaId: r.areas.bou,
    planned: ['Arrangera nätverksträffar för BBIC-utbildare', 'Stödja grundutbildning i BBIC'],
    targetCount: 4,
    staffIds: [r.staff[0]],
    ...over,
  };
}

describe('plan item CRUD', () => {
  it('creates, reads, updates with the version, 409s on a stale version, deletes, then 404s; each change audited', async () => {
    const auditBefore = rows<{ n: number }>("select count(*) n from audit_log where entity = 'plan_item'")[0]!.n;
    const created = (await t.http.post('/api/v1/plan-items').send(itemBody({ staffIds: [r.staff[1], r.staff[0]] })).expect(201)).body;
    expect(created).toMatchObject({
      year: 2018, title: 'BBIC-samordning', goal: { id: r.goals.vp2018.spridning, key: 'spridning', frameworkCode: 'vp2018' },
      area: { code: 'bou', groupCode: 'bou' }, planned: ['Arrangera nätverksträffar för BBIC-utbildare', 'Stödja grundutbildning i BBIC'],
      targetCount: 4, status: 'planerad', outcome: null, carriedFrom: null, version: 1,
    });
    expect(created.staff.map((s: { id: number }) => s.id).sort()).toEqual([r.staff[0], r.staff[1]].sort());
    expect((await t.http.get(`/api/v1/plan-items/${created.id}`).expect(200)).body).toEqual(created);

    const put = (await t.http.put(`/api/v1/plan-items/${created.id}`).send({
      ...itemBody({ title: 'BBIC-samordning och nätverk', status: 'genomford', outcome: 'Grundutbildningen genomförd varje termin.', targetCount: null, staffIds: [r.staff[2]], areaId: r.areas.missbruk }),
      version: 1,
    }).expect(200)).body;
    expect(put).toMatchObject({ id: created.id, title: 'BBIC-samordning och nätverk', status: 'genomford', outcome: 'Grundutbildningen genomförd varje termin.', targetCount: null, area: { code: 'missbruk', groupCode: 'vuxen' }, version: 2 });
    expect(put.staff.map((s: { id: number }) => s.id)).toEqual([r.staff[2]]);

    const stale = await t.http.put(`/api/v1/plan-items/${created.id}`).send({ ...itemBody(), version: 1 }).expect(409);
    expect(stale.body.currentVersion).toBe(2);
    await t.http.delete(`/api/v1/plan-items/${created.id}`).query({ version: 1 }).expect(409);
    await t.http.delete(`/api/v1/plan-items/${created.id}`).query({ version: 2 }).expect(204);
    await t.http.get(`/api/v1/plan-items/${created.id}`).expect(404);
    expect(rows<{ n: number }>('select count(*) n from plan_item_staff where plan_item_id = ?', created.id)[0]!.n).toBe(0);

    const audit = rows<{ action: string; entity_id: number; actor: string; before: string | null; after: string | null }>(
      "select action, entity_id, actor, before, after from audit_log where entity = 'plan_item' order by id").slice(auditBefore);
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([['create', created.id], ['update', created.id], ['delete', created.id]]);
    // Written by the chief the test helper signs in as (the trail said "system" before logins existed).
    const me = (await t.http.get('/api/v1/auth/me').expect(200)).body as { user: { username: string; displayName: string } };
    expect(audit.every((a) => a.actor === `${me.user.displayName} (${me.user.username})`)).toBe(true);
    expect(JSON.parse(audit[1]!.before!).title).toBe('BBIC-samordning');
    expect(JSON.parse(audit[1]!.after!).title).toBe('BBIC-samordning och nätverk');
    expect(JSON.parse(audit[2]!.before!).status).toBe('genomford');
    expect(audit[2]!.after).toBeNull();
  });

  it('lists a year in goal order then sort order, filtered by goal key and area (a group covers its leaves)', async () => {
    const year = 2019;
    const mk = (title: string, goal: string, area: string, sortOrder?: number) => t.http.post('/api/v1/plan-items')
      .send(itemBody({ year, title, goalId: r.goals.vp2018[goal], areaId: r.areas[area], ...(sortOrder === undefined ? {} : { sortOrder }) })).expect(201);
    await mk('Samverkan A', 'samverkan', 'ifo', 1);
    await mk('Spridning B', 'spridning', 'ekb', 2);
    await mk('Spridning A', 'spridning', 'bou', 1);
    await mk('Kunskap A', 'kunskapsutveckling', 'missbruk', 5);
    await t.http.post('/api/v1/plan-items').send(itemBody({ year: 2020, title: 'Annat år' })).expect(201);
    const all = (await t.http.get('/api/v1/plan-items').query({ year }).expect(200)).body as { title: string }[];
    expect(all.map((i) => i.title)).toEqual(['Kunskap A', 'Spridning A', 'Spridning B', 'Samverkan A']);
    const spridning = (await t.http.get('/api/v1/plan-items').query({ year, goal: 'spridning' }).expect(200)).body as { title: string }[];
    expect(spridning.map((i) => i.title)).toEqual(['Spridning A', 'Spridning B']);
    const vuxen = (await t.http.get('/api/v1/plan-items').query({ year, area: 'vuxen' }).expect(200)).body as { title: string }[];
    expect(vuxen.map((i) => i.title)).toEqual(['Kunskap A', 'Spridning B']);
    const bad = await t.http.get('/api/v1/plan-items').query({ year, goal: 'nope', area: 'nope' }).expect(400);
    expect(fieldsOf(bad.body).sort()).toEqual(['area', 'goal']);
    expect(fieldsOf((await t.http.get('/api/v1/plan-items').expect(400)).body)).toEqual(['year']);
  });

  it('answers 400 naming each failing field', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ title: '' }, ['title']],
      [{ targetCount: -1 }, ['targetCount']],
      [{ status: 'klar' }, ['status']],
      [{ goalId: 99999 }, ['goalId']],
      [{ goalId: r.goals.vp2024.spridning }, ['goalId']],
      [{ areaId: r.areas.vuxen }, ['areaId']],
      [{ areaId: 99999, staffIds: [r.staff[0], 99999] }, ['areaId', 'staffIds.1']],
      [{ planned: ['ok', ''] }, ['planned.1']],
      [{ carriedFromId: 1 }, ['carriedFromId']],
    ];
    for (const [over, fields] of cases) {
      const res = await t.http.post('/api/v1/plan-items').send(itemBody(over)).expect(400);
      expect(fieldsOf(res.body).sort(), JSON.stringify(over)).toEqual(fields.sort());
    }
    await t.http.put('/api/v1/plan-items/99999').send({ ...itemBody(), version: 1 }).expect(404);
    await t.http.delete('/api/v1/plan-items/99999').expect(404);
  });

  it('accepts a childless group as area and a zero target', async () => {
    const res = (await t.http.post('/api/v1/plan-items').send(itemBody({ areaId: r.areas.ifo, targetCount: 0 })).expect(201)).body;
    expect(res).toMatchObject({ area: { code: 'ifo' }, targetCount: 0 });
  });
});

describe('activities linked to plan items', () => {
  it('links an activity to an item of its own year, shows it, filters by it, and refuses another year on the field', async () => {
    const item = (await t.http.post('/api/v1/plan-items').send(itemBody({ title: 'Fältkurs' })).expect(201)).body;
    const other = (await t.http.post('/api/v1/plan-items').send(itemBody({ year: 2021, title: 'Fältkurs 2021' })).expect(201)).body;
    const a = (await t.http.post('/api/v1/activities').send(validBody(r, { planItemId: item.id })).expect(201)).body;
    expect(a.planItem).toEqual({ id: item.id, title: 'Fältkurs' });
    const b = (await t.http.post('/api/v1/activities').send(validBody(r)).expect(201)).body;
    expect(b.planItem).toBeNull();

    const wrongYear = await t.http.post('/api/v1/activities').send(validBody(r, { planItemId: other.id })).expect(400);
    expect(wrongYear.body.fields).toMatchObject([{ field: 'planItemId', code: 'plan_item_other_year' }]);
    const unknown = await t.http.post('/api/v1/activities').send(validBody(r, { planItemId: 99999 })).expect(400);
    expect(fieldsOf(unknown.body)).toEqual(['planItemId']);
    // Moving the activity into the item's year makes the link valid.
    const moved = (await t.http.put(`/api/v1/activities/${b.id}`).send({ ...validBody(r, { date: '2021-05-04', goalId: r.goals.vp2018.spridning, planItemId: other.id }), version: 1 }).expect(200)).body;
    expect(moved.planItem).toEqual({ id: other.id, title: 'Fältkurs 2021' });

    const listed = (await t.http.get('/api/v1/activities').query({ planItem: item.id, limit: 500 }).expect(200)).body.items as { id: number }[];
    expect(listed.map((x) => x.id)).toEqual([a.id]);
    expect(fieldsOf((await t.http.get('/api/v1/activities').query({ planItem: 99999 }).expect(400)).body)).toEqual(['planItem']);

    // An item with linked activities cannot move to another year; deleting it keeps the activity, unlinked.
    const moveItem = await t.http.put(`/api/v1/plan-items/${item.id}`).send({ ...itemBody({ year: 2019, title: 'Fältkurs' }), version: 1 }).expect(400);
    expect(fieldsOf(moveItem.body)).toEqual(['year']);
    await t.http.delete(`/api/v1/plan-items/${item.id}`).expect(204);
    expect((await t.http.get(`/api/v1/activities/${a.id}`).expect(200)).body.planItem).toBeNull();
  });
});

describe('a locked year', () => {
  it('keeps its plan as the adopted annual report quotes it: no new, changed, moved, deleted or copied-in items', async () => {
    const item = (await t.http.post('/api/v1/plan-items').send(itemBody({ year: 2022, title: 'Låst punkt' })).expect(201)).body;
    const open = (await t.http.post('/api/v1/plan-items').send(itemBody({ year: 2023, title: 'Öppen punkt' })).expect(201)).body;
    await t.http.put('/api/v1/period-locks/2022').expect(200);
    const snapshot = () => ({
      items: rows('select * from plan_items where year in (2022, 2023) order by id'),
      audit: rows<{ n: number }>("select count(*) n from audit_log where entity = 'plan_item'")[0]!.n,
    });
    const before = snapshot();

    const created = await t.http.post('/api/v1/plan-items').send(itemBody({ year: 2022, title: 'Ny punkt' })).expect(409);
    expect(created.body.message).toMatch(/2022 är låst/);
    await t.http.put(`/api/v1/plan-items/${item.id}`).send({ ...itemBody({ year: 2022, status: 'genomford' }), version: 1 }).expect(409);
    await t.http.delete(`/api/v1/plan-items/${item.id}`).expect(409);
    // Into the locked year from an open one, and a copy whose target is the locked year.
    await t.http.put(`/api/v1/plan-items/${open.id}`).send({ ...itemBody({ year: 2022 }), version: 1 }).expect(409);
    await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2021, toYear: 2022 }).expect(409);
    expect(snapshot()).toEqual(before);

    // The open year is untouched by the lock, and unlocking opens 2022 again.
    await t.http.put(`/api/v1/plan-items/${open.id}`).send({ ...itemBody({ year: 2023, status: 'pagar' }), version: 1 }).expect(200);
    await t.http.delete('/api/v1/period-locks/2022').expect(204);
    await t.http.put(`/api/v1/plan-items/${item.id}`).send({ ...itemBody({ year: 2022, status: 'genomford' }), version: 1 }).expect(200);
  });
});

describe('a plan item’s assignment', () => {
  it('is stored, shown with its title, changed and cleared; an unknown assignment is a 400 naming it', async () => {
    const [first, second] = r.assignments as [number, number];
    const created = (await t.http.post('/api/v1/plan-items').send(itemBody({ assignmentId: first })).expect(201)).body;
    expect(created.assignment).toEqual({ id: first, title: 'Uppdrag 1' });
    const changed = (await t.http.put(`/api/v1/plan-items/${created.id}`).send({ ...itemBody({ assignmentId: second }), version: 1 }).expect(200)).body;
    expect(changed.assignment).toEqual({ id: second, title: 'Uppdrag 2' });
    const cleared = (await t.http.put(`/api/v1/plan-items/${created.id}`).send({ ...itemBody({ assignmentId: null }), version: 2 }).expect(200)).body;
    expect(cleared.assignment).toBeNull();
    const res = await t.http.post('/api/v1/plan-items').send(itemBody({ assignmentId: 99999 })).expect(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'assignmentId', code: 'unknown_assignment' })]);
  });

  it('goes with the item when the plan is copied to the next year', async () => {
    const [first] = r.assignments as [number];
    await t.http.post('/api/v1/plan-items').send(itemBody({ year: 2023, title: 'Med uppdrag', assignmentId: first })).expect(201);
    const copy = (await t.http.post('/api/v1/plan-items/copy').send({ fromYear: 2023, toYear: 2024 }).expect(201)).body;
    const copied = (copy.items as { title: string; assignment: unknown }[]).find((i) => i.title === 'Med uppdrag');
    expect(copied?.assignment).toEqual({ id: first, title: 'Uppdrag 1' });
  });
});
