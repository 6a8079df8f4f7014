/**
 * The small purpose-built queries the web app asks instead of downloading what it does not show: the form's goal
 * suggestions, the years that have data (the overview's and the plan's default year), and the session question
 * that answers 200 when nobody is signed in. Every expectation is written out from what the test recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, TEST_PASSWORD, type TestApp } from './helpers/test-app.ts';
import { loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

describe('GET /activities/goal-suggestions', () => {
  let t: TestApp;
  let r: Refs;
  beforeAll(async () => {
    t = await makeTestApp();
    r = await loadRefs(t);
  });
  afterAll(async () => { await t.close(); });

  const post = (over: Record<string, unknown>) => t.http.post('/api/v1/activities').send(validBody(r, over)).expect(201);

  it('answers an empty list before anything is recorded', async () => {
    const res = await t.http.get('/api/v1/activities/goal-suggestions').expect(200);
    expect(res.body).toEqual({ basedOn: 0, items: [] });
  });

  it('suggests per type the goal most often recorded with it, by key across frameworks, ties to the latest', async () => {
    const [typeA, typeB, typeC, typeD] = r.types as [number, number, number, number];
    const g18 = r.goals.vp2018;
    const g24 = r.goals.vp2024;
    // Type A: spridning three times (once under VP 2024, a different goal id with the same key), metodstöd twice.
    await post({ typeId: typeA, goalId: g18.spridning, date: '2018-02-01' });
    await post({ typeId: typeA, goalId: g18.metodstod, date: '2018-03-01' });
    await post({ typeId: typeA, goalId: g18.spridning, date: '2018-04-01' });
    await post({ typeId: typeA, goalId: g18.metodstod, date: '2018-05-01' });
    await post({ typeId: typeA, goalId: g24.spridning, date: '2024-02-01' });
    // Type B: one each; samverkan is the later by date (recorded first), so it wins the tie.
    await post({ typeId: typeB, goalId: g18.samverkan, date: '2018-09-01' });
    await post({ typeId: typeB, goalId: g18.kunskapsutveckling, date: '2018-01-15' });
    // Type C: the same date twice: the higher id (recorded later) is the more recent.
    await post({ typeId: typeC, goalId: g18.metodstod, date: '2018-06-01' });
    await post({ typeId: typeC, goalId: g18.kunskapsutveckling, date: '2018-06-01' });
    // Type D is never recorded: it has no suggestion.
    void typeD;

    const res = await t.http.get('/api/v1/activities/goal-suggestions').expect(200);
    expect(res.body.basedOn).toBe(9);
    expect(res.body.items).toEqual(
      [
        { typeId: typeA, goalKey: 'spridning', count: 3 },
        { typeId: typeB, goalKey: 'samverkan', count: 1 },
        { typeId: typeC, goalKey: 'kunskapsutveckling', count: 1 },
      ].sort((x, y) => x.typeId - y.typeId),
    );
  });

  it('is for those who record activities: 401 signed out, 403 for the council and the admin', async () => {
    await t.anon.get('/api/v1/activities/goal-suggestions').expect(401);
    await (await t.as('rad')).get('/api/v1/activities/goal-suggestions').expect(403);
    await (await t.as('admin')).get('/api/v1/activities/goal-suggestions').expect(403);
    await (await t.as('medarbetare')).get('/api/v1/activities/goal-suggestions').expect(200);
  });

  it('leaves /activities/:id as it was: a number is an activity, another word a 400 naming the id', async () => {
    const list = (await t.http.get('/api/v1/activities').query({ limit: 1 }).expect(200)).body;
    await t.http.get(`/api/v1/activities/${list.items[0].id}`).expect(200);
    const bad = await t.http.get('/api/v1/activities/goal-suggestion').expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['id']);
  });
});

describe('GET /activities/goal-suggestions looks only at the latest 500 activities', () => {
  let t: TestApp;
  let r: Refs;
  beforeAll(async () => {
    t = await makeTestApp();
    r = await loadRefs(t);
  });
  afterAll(async () => { await t.close(); });

  it('forgets a type whose activities are older than the latest 500', async () => {
    const [typeA, typeB] = r.types as [number, number];
    // Two old activities of type A, then 500 newer of type B: A falls out of the window.
    for (const date of ['2017-10-10', '2017-10-11']) {
      await t.http.post('/api/v1/activities').send(validBody(r, { typeId: typeA, goalId: r.goals.vp2018.samverkan, date })).expect(201);
    }
    for (let i = 0; i < 500; i++) {
      const goalId = i % 5 === 0 ? r.goals.vp2018.metodstod : r.goals.vp2018.spridning; // 100 metodstöd, 400 spridning
      await t.http.post('/api/v1/activities').send(validBody(r, { typeId: typeB, goalId, date: '2018-03-14' })).expect(201);
    }
    const res = await t.http.get('/api/v1/activities/goal-suggestions').expect(200);
    expect(res.body).toEqual({ basedOn: 500, items: [{ typeId: typeB, goalKey: 'spridning', count: 400 }] });
  }, 60_000);
});

describe('GET /reports/years', () => {
  let t: TestApp;
  let r: Refs;
  beforeAll(async () => {
    t = await makeTestApp();
    r = await loadRefs(t);
  });
  afterAll(async () => { await t.close(); });

  it('lists the years with activities or plan items, newest first, and follows deletions and moves', async () => {
    // With no data the pages open on the current year (the Swedish calendar's, read here through Intl).
    const thisYear = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()));
    expect((await t.http.get('/api/v1/reports/years').expect(200)).body).toEqual({ years: [], opensOn: { overview: thisYear, plan: thisYear } });
    const ids: number[] = [];
    for (const date of ['2017-09-01', '2017-11-30', '2019-06-01', '2024-02-01', '2024-02-02', '2024-12-31']) {
      const goalId = date < '2024' ? r.goals.vp2018.spridning : r.goals.vp2024.spridning;
      ids.push((await t.http.post('/api/v1/activities').send(validBody(r, { date, goalId })).expect(201)).body.id);
    }
    const plan = { title: 'Punkt', goalId: r.goals.vp2018.spridning, areaId: r.areas.bou, planned: [], staffIds: [r.staff[0]] };
    await t.http.post('/api/v1/plan-items').send({ ...plan, year: 2019 }).expect(201);
    await t.http.post('/api/v1/plan-items').send({ ...plan, year: 2021 }).expect(201);
    await t.http.post('/api/v1/plan-items').send({ ...plan, year: 2021, title: 'Punkt 2' }).expect(201);

    expect((await t.http.get('/api/v1/reports/years').expect(200)).body).toEqual({
      years: [
        { year: 2024, activities: 3, planItems: 0 },
        { year: 2021, activities: 0, planItems: 2 },
        { year: 2019, activities: 1, planItems: 1 },
        { year: 2017, activities: 2, planItems: 0 },
      ],
      // All data lies before the current year (2026 or later): the latest year with each kind.
      opensOn: { overview: 2024, plan: 2021 },
    });

    // The 2019 activity goes, 2019 stays for its plan item; one 2017 activity moves to 2018.
    await t.http.delete(`/api/v1/activities/${ids[2]}`).expect(204);
    const moved = (await t.http.get(`/api/v1/activities/${ids[1]}`).expect(200)).body;
    await t.http.put(`/api/v1/activities/${ids[1]}`).send(validBody(r, { date: '2018-01-02', version: moved.version })).expect(200);
    expect((await t.http.get('/api/v1/reports/years').expect(200)).body.years).toEqual([
      { year: 2024, activities: 3, planItems: 0 },
      { year: 2021, activities: 0, planItems: 2 },
      { year: 2019, activities: 0, planItems: 1 },
      { year: 2018, activities: 1, planItems: 0 },
      { year: 2017, activities: 1, planItems: 0 },
    ]);
  });

  it('is for every role that reads reports, not for nobody', async () => {
    await t.anon.get('/api/v1/reports/years').expect(401);
    for (const role of ['rad', 'medarbetare', 'admin'] as const) await (await t.as(role)).get('/api/v1/reports/years').expect(200);
  });
});

describe('GET /auth/session', () => {
  let t: TestApp;
  beforeAll(async () => { t = await makeTestApp(); });
  afterAll(async () => { await t.close(); });

  it('answers 200 { signedIn: false } with no cookie, an unknown cookie, and after logout', async () => {
    expect((await t.anon.get('/api/v1/auth/session').expect(200)).body).toEqual({ signedIn: false });
    expect((await t.anon.get('/api/v1/auth/session').set('Cookie', 'fou_session=not-a-session').expect(200)).body).toEqual({ signedIn: false });
  });

  it('answers { signedIn: true, me } with the same account as /auth/me', async () => {
    const chef = await t.as('chef');
    const me = (await chef.get('/api/v1/auth/me').expect(200)).body;
    const res = await chef.get('/api/v1/auth/session').expect(200);
    expect(res.body).toEqual({ signedIn: true, me });
    expect(res.body.me.role).toBe('chef');
  });

  it('a session ended by logout reads as signed out', async () => {
    const login = await t.anon.post('/api/v1/auth/login').send({ username: 'test-chef-1', password: TEST_PASSWORD }).expect(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect((await t.anon.get('/api/v1/auth/session').set('Cookie', cookie).expect(200)).body.signedIn).toBe(true);
    await t.anon.post('/api/v1/auth/logout').set('Cookie', cookie).set('x-csrf-token', login.body.csrfToken).expect(204);
    expect((await t.anon.get('/api/v1/auth/session').set('Cookie', cookie).expect(200)).body).toEqual({ signedIn: false });
  });

  it('sets a readable signed-in marker with the session and clears it wherever no session is found', async () => {
    const cookies = (res: { headers: Record<string, unknown> }) => [res.headers['set-cookie'] ?? []].flat().map(String);
    const marker = (res: { headers: Record<string, unknown> }) => cookies(res).find((c) => c.startsWith('fou_signed_in='));
    const login = await t.anon.post('/api/v1/auth/login').send({ username: 'test-chef-1', password: TEST_PASSWORD }).expect(200);
    const set = marker(login);
    // The boot script reads it, so it must not be httpOnly; it carries no secret, only "1".
    expect(set).toMatch(/^fou_signed_in=1;/);
    expect(set).not.toMatch(/HttpOnly/i);
    expect(set).toMatch(/Path=\//);
    const session = cookies(login).find((c) => c.startsWith('fou_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    const both = `${session.split(';')[0]}; fou_signed_in=1`;
    // A live session keeps it.
    expect(marker(await t.anon.get('/api/v1/auth/session').set('Cookie', both).expect(200))).toBeUndefined();
    // Logout clears it; then the stale marker is cleared by the session question and by a 401 alike.
    const out = await t.anon.post('/api/v1/auth/logout').set('Cookie', both).set('x-csrf-token', login.body.csrfToken).expect(204);
    const cleared = /^fou_signed_in=;.*Expires=Thu, 01 Jan 1970/;
    expect(marker(out)).toMatch(cleared);
    expect(marker(await t.anon.get('/api/v1/auth/session').set('Cookie', both).expect(200))).toMatch(cleared);
    const refused = await t.anon.get('/api/v1/reports/years').set('Cookie', both).expect(401);
    expect(marker(refused)).toMatch(cleared);
    expect(refused.body.message).toMatch(/inte inloggad/);
    // Without the marker nothing is said about it.
    expect(marker(await t.anon.get('/api/v1/reports/years').expect(401))).toBeUndefined();
  });
});
