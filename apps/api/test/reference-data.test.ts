import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { fieldsOf, loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;
beforeAll(async () => { t = await makeTestApp(); r = await loadRefs(t); });
afterAll(async () => { await t.close(); });

const api = '/api/v1';

describe('GET /reference', () => {
  it('returns the whole bundle the forms and reports need', async () => {
    const b = (await t.http.get(`${api}/reference`).expect(200)).body;
    expect(b.unit).toMatchObject({ id: expect.any(Number), code: expect.any(String), name: expect.any(String) });
    expect(b.municipalities.map((m: { code: string }) => m.code)).toEqual(
      ['ekero', 'jarfalla', 'sigtuna', 'sollentuna', 'solna', 'sundbyberg', 'upplands-bro', 'upplands-vasby']);
    expect(b.areas.map((a: { code: string }) => a.code)).toEqual(['ifo', 'bou', 'vuxen', 'ekb', 'missbruk', 'socpsyk']);
    const leaf = Object.fromEntries(b.areas.map((a: { code: string; isLeaf: boolean }) => [a.code, a.isLeaf]));
    expect(leaf).toEqual({ ifo: true, bou: true, vuxen: false, ekb: true, missbruk: true, socpsyk: true });
    const fw = b.goalFrameworks as { code: string; validFrom: string; validTo: string | null; goals: { key: string }[] }[];
    expect(fw.map((f) => [f.code, f.validTo])).toEqual([['vp2018', '2023-12-31'], ['vp2024', null]]);
    expect(fw[1]!.validFrom).toBe('2024-01-01');
    for (const f of fw) expect(f.goals.map((g) => g.key).sort()).toEqual(['kunskapsutveckling', 'metodstod', 'samverkan', 'spridning']);
    expect(b.activityTypes.length).toBeGreaterThan(5);
    expect(b.formats.map((f: { code: string }) => f.code)).toEqual(['fysiskt', 'digitalt', 'hybrid']);
    expect(b.lines.map((l: { code: string }) => l.code)).toEqual(['forsta', 'andra']);
    expect(b.staff).toHaveLength(3);
    expect(b.assignments).toHaveLength(2);
  });

  it('each list has its own endpoint too', async () => {
    for (const [path, n] of [['municipalities', 8], ['areas', 6], ['goal-frameworks', 2], ['staff', 3], ['assignments', 2]] as const) {
      expect((await t.http.get(`${api}/${path}`).expect(200)).body).toHaveLength(n);
    }
    await t.http.get(`${api}/activity-types`).expect(200);
  });
});

describe('municipalities', () => {
  it('creates, updates, puts a year, refuses duplicates and unknown ids', async () => {
    const m = (await t.http.post(`${api}/municipalities`).send({ code: 'vallentuna', name: 'Vallentuna', sortOrder: 9 }).expect(201)).body;
    expect(m).toMatchObject({ code: 'vallentuna', name: 'Vallentuna', active: true, years: [] });
    // A taken code is named with the name the user typed, and carries the code a client can act on.
    const taken = await t.http.post(`${api}/municipalities`).send({ code: 'vallentuna', name: 'Igen' }).expect(409);
    expect(taken.body).toMatchObject({ code: 'already_exists', message: 'Kommunen Igen (koden vallentuna) finns redan.' });
    const bad = await t.http.post(`${api}/municipalities`).send({ code: 'Stor Bokstav', name: '' }).expect(400);
    expect(fieldsOf(bad.body).sort()).toEqual(['code', 'name']);
    const up = (await t.http.patch(`${api}/municipalities/${m.id}`).send({ name: 'Vallentuna kommun', active: false }).expect(200)).body;
    expect(up).toMatchObject({ name: 'Vallentuna kommun', active: false });
    await t.http.patch(`${api}/municipalities/99999`).send({ name: 'X' }).expect(404);

    const y = (await t.http.put(`${api}/municipalities/${r.municipalities.solna}/years/2019`).send({ population: 80_000, feeSek: 700_000 }).expect(200)).body;
    expect(y.years).toContainEqual({ year: 2019, population: 80_000, feeSek: 700_000 });
    const y2 = (await t.http.put(`${api}/municipalities/${r.municipalities.solna}/years/2019`).send({ population: 81_000, feeSek: null }).expect(200)).body;
    expect(y2.years.filter((x: { year: number }) => x.year === 2019)).toEqual([{ year: 2019, population: 81_000, feeSek: null }]);
    await t.http.put(`${api}/municipalities/99999/years/2019`).send({ population: 1, feeSek: 1 }).expect(404);
    const negative = await t.http.put(`${api}/municipalities/${r.municipalities.solna}/years/2019`).send({ population: -1, feeSek: 1 }).expect(400);
    expect(fieldsOf(negative.body)).toEqual(['population']);
    const badYear = await t.http.put(`${api}/municipalities/${r.municipalities.solna}/years/tjugo`).send({ population: 1, feeSek: 1 }).expect(400);
    expect(fieldsOf(badYear.body)).toEqual(['year']);
  });

  it('an inactive municipality is left out of allMunicipalities', async () => {
    const a = (await t.http.post(`${api}/activities`).send(validBody(r, { allMunicipalities: true })).expect(201)).body;
    expect(a.municipalities.map((m: { code: string }) => m.code)).not.toContain('vallentuna');
    expect(a.municipalities).toHaveLength(8);
  });
});

describe('areas', () => {
  it('adds a group and a child, two levels only', async () => {
    const g = (await t.http.post(`${api}/areas`).send({ code: 'aldre', name: 'Äldreomsorg' }).expect(201)).body;
    expect(g).toMatchObject({ parentId: null, isLeaf: true });
    const c = (await t.http.post(`${api}/areas`).send({ code: 'hemtjanst', name: 'Hemtjänst', parentId: g.id }).expect(201)).body;
    expect(c).toMatchObject({ parentId: g.id, isLeaf: true });
    const list = (await t.http.get(`${api}/areas`).expect(200)).body as { code: string; isLeaf: boolean }[];
    expect(list.find((a) => a.code === 'aldre')!.isLeaf).toBe(false);
    // A grandchild is refused.
    const grandchild = await t.http.post(`${api}/areas`).send({ code: 'barnbarn', name: 'Barnbarn', parentId: c.id }).expect(409);
    // Not a taken name: reactivating something would not help.
    expect(grandchild.body.code).toBe('area_too_deep');
    // An unknown parent is a bad field, not a missing resource.
    const unknown = await t.http.post(`${api}/areas`).send({ code: 'x1', name: 'X', parentId: 99999 }).expect(400);
    expect(fieldsOf(unknown.body)).toEqual(['parentId']);
    const dup = await t.http.post(`${api}/areas`).send({ code: 'aldre', name: 'Dubblett' }).expect(409);
    expect(dup.body).toMatchObject({ code: 'already_exists', message: 'Området Dubblett (koden aldre) finns redan.' });
  });

  it('refuses a child under an area that already has activities', async () => {
    await t.http.post(`${api}/activities`).send(validBody(r, { areaId: r.areas.ifo })).expect(201);
    const res = await t.http.post(`${api}/areas`).send({ code: 'ifo-del', name: 'Del av IFO', parentId: r.areas.ifo }).expect(409);
    expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    expect((await t.http.get(`${api}/areas`).expect(200)).body.map((a: { code: string }) => a.code)).not.toContain('ifo-del');
  });

  it('patches name and label; unknown id 404; code cannot change', async () => {
    const up = (await t.http.patch(`${api}/areas/${r.areas.bou}`).send({ name: 'Barn och unga', reportLabel: 'Barn, ungdom & familj' }).expect(200)).body;
    expect(up).toMatchObject({ code: 'bou', name: 'Barn och unga', reportLabel: 'Barn, ungdom & familj' });
    await t.http.patch(`${api}/areas/99999`).send({ name: 'X' }).expect(404);
    const code = await t.http.patch(`${api}/areas/${r.areas.bou}`).send({ code: 'barn' }).expect(400);
    expect(fieldsOf(code.body)).toEqual(['code']);
  });
});

describe('goal frameworks and goals', () => {
  const goals = [
    { key: 'kunskapsutveckling', name: 'Kunskap' }, { key: 'spridning', name: 'Spridning' },
  ];

  it('refuses a framework whose period overlaps another', async () => {
    const res = await t.http.post(`${api}/goal-frameworks`).send({ code: 'vp2030', name: 'VP 2030', validFrom: '2030-01-01', validTo: null, goals }).expect(409);
    expect(res.body.message).toMatch(/^Perioden överlappar/);
    await t.http.post(`${api}/goal-frameworks`).send({ code: 'vp2015', name: 'VP 2015', validFrom: '2015-01-01', validTo: '2017-09-01', goals }).expect(409);
  });

  it('creates a framework in a free period; duplicate goal keys are a 400', async () => {
    const dup = await t.http.post(`${api}/goal-frameworks`).send({ code: 'vp2015', name: 'VP 2015', validFrom: '2015-01-01', validTo: '2017-08-31', goals: [...goals, { key: 'spridning', name: 'Igen' }] }).expect(400);
    expect(fieldsOf(dup.body)).toEqual(['goals']);
    const order = await t.http.post(`${api}/goal-frameworks`).send({ code: 'vp2015', name: 'VP 2015', validFrom: '2016-01-01', validTo: '2015-12-31', goals }).expect(400);
    expect(fieldsOf(order.body)).toEqual(['validTo']);
    const fw = (await t.http.post(`${api}/goal-frameworks`).send({ code: 'vp2015', name: 'VP 2015', validFrom: '2015-01-01', validTo: '2017-08-31', goals }).expect(201)).body;
    expect(fw.goals.map((g: { key: string; sortOrder: number }) => [g.key, g.sortOrder])).toEqual([['kunskapsutveckling', 1], ['spridning', 2]]);
    // Now an activity on 2017-08-31 takes a VP 2015 goal.
    const a = await t.http.post(`${api}/activities`).send(validBody(r, { date: '2017-08-31', goalId: fw.goals[1].id })).expect(201);
    expect(a.body.goal).toMatchObject({ frameworkCode: 'vp2015', key: 'spridning' });
    await t.http.post(`${api}/goal-frameworks`).send({ code: 'vp2015', name: 'Igen', validFrom: '2010-01-01', validTo: '2010-12-31', goals }).expect(409);

    // Adding a goal; its key must be new in the framework.
    const more = (await t.http.post(`${api}/goal-frameworks/${fw.id}/goals`).send({ key: 'samverkan', name: 'Samverkan' }).expect(201)).body;
    expect(more.goals.map((g: { key: string }) => g.key)).toContain('samverkan');
    await t.http.post(`${api}/goal-frameworks/${fw.id}/goals`).send({ key: 'samverkan', name: 'Igen' }).expect(409);
    await t.http.post(`${api}/goal-frameworks/99999/goals`).send({ key: 'ny', name: 'Ny' }).expect(404);
  });

  it('refuses date changes that would leave recorded activities outside the period, or overlap', async () => {
    const fws = (await t.http.get(`${api}/goal-frameworks`).expect(200)).body as { id: number; code: string; validTo: string | null }[];
    const vp2018 = fws.find((f) => f.code === 'vp2018')!;
    await t.http.post(`${api}/activities`).send(validBody(r, { date: '2023-06-15', goalId: r.goals.vp2018.samverkan })).expect(201);
    const before = JSON.stringify(fws);
    await t.http.patch(`${api}/goal-frameworks/${vp2018.id}`).send({ validTo: '2023-06-14' }).expect(409);
    await t.http.patch(`${api}/goal-frameworks/${vp2018.id}`).send({ validTo: '2024-06-30' }).expect(409);
    const order = await t.http.patch(`${api}/goal-frameworks/${vp2018.id}`).send({ validTo: '2017-01-01' }).expect(400);
    expect(fieldsOf(order.body)).toEqual(['validTo']);
    expect(JSON.stringify((await t.http.get(`${api}/goal-frameworks`).expect(200)).body)).toBe(before);
    // A change that keeps every activity inside (and no overlap) is fine.
    const ok = (await t.http.patch(`${api}/goal-frameworks/${vp2018.id}`).send({ name: 'Verksamhetsplan 2018–2023', validTo: '2023-12-31' }).expect(200)).body;
    expect(ok.name).toBe('Verksamhetsplan 2018–2023');
    await t.http.patch(`${api}/goal-frameworks/99999`).send({ name: 'X' }).expect(404);
  });

  it('PATCHes a goal name; the key cannot change; unknown goal 404', async () => {
    const id = r.goals.vp2024.spridning;
    const g = (await t.http.patch(`${api}/goals/${id}`).send({ name: 'Sprida kunskap', shortName: 'Sprida' }).expect(200)).body;
    expect(g).toMatchObject({ id, key: 'spridning', name: 'Sprida kunskap', shortName: 'Sprida' });
    const key = await t.http.patch(`${api}/goals/${id}`).send({ key: 'sprida' }).expect(400);
    expect(fieldsOf(key.body)).toEqual(['key']);
    await t.http.patch(`${api}/goals/99999`).send({ name: 'X' }).expect(404);
    // The list filter still finds it by its key.
    await t.http.get(`${api}/activities`).query({ goal: 'spridning' }).expect(200);
  });
});

describe('activity types, assignments, staff', () => {
  it('activity types: create, rename, duplicate name 409, unknown 404', async () => {
    const a = (await t.http.post(`${api}/activity-types`).send({ name: 'Podcast' }).expect(201)).body;
    expect(a).toMatchObject({ name: 'Podcast', active: true });
    expect((await t.http.post(`${api}/activity-types`).send({ name: 'Podcast' }).expect(409)).body).toMatchObject({ code: 'already_exists' });
    const b = (await t.http.post(`${api}/activity-types`).send({ name: 'Film' }).expect(201)).body;
    await t.http.patch(`${api}/activity-types/${b.id}`).send({ name: 'Podcast' }).expect(409);
    expect((await t.http.patch(`${api}/activity-types/${b.id}`).send({ name: 'Kortfilm', active: false }).expect(200)).body).toMatchObject({ name: 'Kortfilm', active: false });
    await t.http.patch(`${api}/activity-types/99999`).send({ name: 'X' }).expect(404);
    expect(fieldsOf((await t.http.post(`${api}/activity-types`).send({ name: '' }).expect(400)).body)).toEqual(['name']);
  });

  it('assignments: create, update, duplicate 409, years in order, unknown 404', async () => {
    const a = (await t.http.post(`${api}/assignments`).send({ title: 'BAS-utbildning', line: 'andra', startYear: 2018, endYear: 2020 }).expect(201)).body;
    expect(a).toMatchObject({ title: 'BAS-utbildning', line: 'andra', startYear: 2018, endYear: 2020, active: true });
    await t.http.post(`${api}/assignments`).send({ title: 'BAS-utbildning' }).expect(409);
    const yrs = await t.http.post(`${api}/assignments`).send({ title: 'Baklänges', startYear: 2020, endYear: 2018 }).expect(400);
    expect(fieldsOf(yrs.body)).toEqual(['endYear']);
    expect(fieldsOf((await t.http.patch(`${api}/assignments/${a.id}`).send({ endYear: 2017 }).expect(400)).body)).toEqual(['endYear']);
    const up = (await t.http.patch(`${api}/assignments/${a.id}`).send({ endYear: null, active: false }).expect(200)).body;
    expect(up).toMatchObject({ endYear: null, active: false, title: 'BAS-utbildning' });
    await t.http.patch(`${api}/assignments/${a.id}`).send({ title: 'Uppdrag 1' }).expect(409);
    await t.http.patch(`${api}/assignments/99999`).send({ title: 'X' }).expect(404);
    expect(fieldsOf((await t.http.patch(`${api}/assignments/${a.id}`).send({ line: 'tredje' }).expect(400)).body)).toEqual(['line']);
  });

  it('staff: create, update, unknown 404, unknown field 400', async () => {
    const s = (await t.http.post(`${api}/staff`).send({ name: 'Åsa Öberg', title: 'Forskare' }).expect(201)).body;
    expect(s).toMatchObject({ name: 'Åsa Öberg', title: 'Forskare', active: true });
    expect((await t.http.patch(`${api}/staff/${s.id}`).send({ active: false }).expect(200)).body).toMatchObject({ name: 'Åsa Öberg', active: false });
    await t.http.patch(`${api}/staff/99999`).send({ name: 'X' }).expect(404);
    expect(fieldsOf((await t.http.post(`${api}/staff`).send({ name: 'A', email: 'a@b.se' }).expect(400)).body)).toEqual(['email']);
    expect(fieldsOf((await t.http.post(`${api}/staff`).send({}).expect(400)).body)).toEqual(['name']);
  });

  it('staff: a namesake (case and spacing aside) is a 409 duplicate_name until confirmed, on add and on rename', async () => {
    const first = (await t.http.post(`${api}/staff`).send({ name: 'Maria Svensson', title: 'Utvecklingsledare' }).expect(201)).body;
    const refused = await t.http.post(`${api}/staff`).send({ name: '  maria   SVENSSON ', title: 'Forskare' }).expect(409);
    expect(refused.body.code).toBe('duplicate_name');
    expect(refused.body.message).toContain('Maria Svensson (Utvecklingsledare)');
    const countNamed = async () => ((await t.http.get(`${api}/staff`).expect(200)).body as { name: string }[]).filter((x) => x.name.toLowerCase().includes('svensson')).length;
    expect(await countNamed()).toBe(1);
    const second = (await t.http.post(`${api}/staff`).send({ name: 'Maria Svensson', title: 'Forskare', confirmDuplicateName: true }).expect(201)).body;
    expect(second).toEqual({ id: second.id, name: 'Maria Svensson', title: 'Forskare', active: true });
    expect(await countNamed()).toBe(2);
    // A title change keeps one's own name: no warning. Renaming someone else into the name is one.
    await t.http.patch(`${api}/staff/${second.id}`).send({ title: 'Utredare' }).expect(200);
    const other = (await t.http.post(`${api}/staff`).send({ name: 'Maria Berg' }).expect(201)).body;
    expect((await t.http.patch(`${api}/staff/${other.id}`).send({ name: 'Maria Svensson' }).expect(409)).body.code).toBe('duplicate_name');
    await t.http.patch(`${api}/staff/${other.id}`).send({ name: 'Maria Svensson', confirmDuplicateName: true }).expect(200);
    // An inactive namesake warns too, and says so.
    await t.http.patch(`${api}/staff/${first.id}`).send({ active: false }).expect(200);
    const lone = (await t.http.post(`${api}/staff`).send({ name: 'Per Persson' }).expect(201)).body;
    await t.http.patch(`${api}/staff/${lone.id}`).send({ active: false }).expect(200);
    expect((await t.http.post(`${api}/staff`).send({ name: 'Per Persson' }).expect(409)).body.message).toContain('Per Persson, inaktiv');
  });

  it('names every unknown key of a body on its own', async () => {
    const res = await t.http.post(`${api}/staff`).send({ name: 'B', email: 'x', phone: 'y' }).expect(400);
    expect(fieldsOf(res.body).sort()).toEqual(['email', 'phone']);
  });
});
