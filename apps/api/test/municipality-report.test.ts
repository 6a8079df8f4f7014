/**
 * What each owner municipality got: the municipality report, the owners' table, the optional participant split,
 * target groups and "ingen ägarkommun". Activities are generated from a fixed seed and sent through the API; every
 * expected figure is computed here with plain loops over what was sent, never read from the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STANDARD_TARGET_GROUPS } from '@fou/domain';
import { createRng } from '../src/seed/random.ts';
import { insertActivities } from '../src/seed/demo-data.ts';
import { fieldsOf, loadRefs, validBody, type Refs } from './helpers/fixtures.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

interface Sent {
  id: number; year: number; municipalityIds: number[]; noOwner: boolean; participants: number | null;
  split: Map<number, number>; targetGroupIds: number[]; planItemId: number | null; goalKey: string;
}

let t: TestApp;
let r: Refs;
let targetGroups: { id: number; key: string | null; name: string }[];
const sent: Sent[] = [];
/** The eight seeded owners, in the register's order (all have a 2018 fee and a 2016 population in the seed). */
let owners: number[] = [];
const planItems: number[] = [];
/** Legacy rows written straight into the table: no municipality and no explicit choice. */
const LEGACY = 3;

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t);
  owners = Object.values(r.municipalities);
  targetGroups = (await t.http.get('/api/v1/target-groups').expect(200)).body;
  for (const title of ['Planpunkt A', 'Planpunkt B']) {
    planItems.push((await t.http.post('/api/v1/plan-items').send({ year: 2018, title, goalId: r.goals.vp2018.spridning, areaId: r.areas.ifo, staffIds: [r.staff[0]] }).expect(201)).body.id);
  }
  const rng = createRng(15);
  const goalKeys = ['kunskapsutveckling', 'metodstod', 'spridning', 'samverkan'];
  for (const [year, n] of [[2017, 40], [2018, 90]] as const) {
    for (let i = 0; i < n; i++) {
      const kind = rng.next();
      const all = kind < 0.25;
      const noOwner = !all && kind < 0.33;
      const municipalityIds = all ? [...owners] : noOwner ? [] : rng.sample(owners, rng.int(1, 4));
      const participants = rng.next() < 0.2 ? null : rng.int(5, 60);
      // A split for some shared activities: each municipality a number or blank, the sum at most the total.
      const split = new Map<number, number>();
      if (participants !== null && municipalityIds.length > 1 && rng.next() < 0.5) {
        let left = participants;
        for (const m of municipalityIds) {
          if (rng.next() < 0.25) continue;
          const k = rng.int(0, Math.min(left, 15));
          split.set(m, k);
          left -= k;
        }
      }
      const targetGroupIds = rng.next() < 0.6 ? rng.sample(targetGroups.map((g) => g.id), rng.int(1, 3)) : [];
      const planItemId = year === 2018 && rng.next() < 0.3 ? rng.pick(planItems) : null;
      const goalKey = rng.pick(goalKeys);
      const body = validBody(r, {
        // VP 2018's framework starts 2017-09-01.
        date: `${year}-${String(rng.int(year === 2017 ? 9 : 1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
        title: `Aktivitet ${year}-${i}`, goalId: r.goals.vp2018[goalKey], participants, planItemId,
        municipalityIds: all ? [] : municipalityIds, allMunicipalities: all, noOwnerMunicipality: noOwner,
        municipalityParticipants: municipalityIds.map((m) => ({ municipalityId: m, participants: split.get(m) ?? null })),
        targetGroupIds,
      });
      const res = await t.http.post('/api/v1/activities').send(body).expect(201);
      sent.push({ id: res.body.id, year, municipalityIds, noOwner, participants, split, targetGroupIds, planItemId, goalKey });
    }
  }
  insertActivities(t.app.db, t.unitId, Array.from({ length: LEGACY }, (_, i) => ({
    date: `2018-06-0${i + 1}`, year: 2018, title: `Gammal rad ${i}`, description: null, goalId: r.goals.vp2018.spridning!, areaId: r.areas.ifo!,
    typeId: r.types[0]!, format: 'fysiskt' as const, participants: 10, assignmentId: null, line: null, municipalityIds: [], staffIds: [r.staff[0]!],
  })));
  // An owner that joins in 2019 (a fee, no population, no activity): not an owner in 2018.
  const tomby = (await t.http.post('/api/v1/municipalities').send({ code: 'tomby', name: 'Tomby' }).expect(201)).body;
  await t.http.put(`/api/v1/municipalities/${tomby.id}/years/2019`).send({ population: null, feeSek: 100000 }).expect(200);
}, 120_000);

afterAll(async () => t?.close());

/** The expected facts for one municipality in one year, by plain loops over what was sent. */
function expected(m: number, year: number, ownerIds: number[]) {
  const e = { total: 0, own: 0, shared: 0, open: 0, known: 0, inAll: 0, withoutSplit: 0, withoutCount: 0, weighted: 0, planItems: new Set<number>(), byGoal: new Map<string, number>(), tg: new Map<number, number>(), noTg: 0 };
  for (const a of sent) {
    if (a.year !== year || !a.municipalityIds.includes(m)) continue;
    e.total += 1;
    const everyOwner = ownerIds.every((o) => a.municipalityIds.includes(o));
    if (a.municipalityIds.length === 1) e.own += 1;
    else if (everyOwner) e.open += 1;
    else e.shared += 1;
    const namedOwners = a.municipalityIds.filter((x) => ownerIds.includes(x)).length;
    if (ownerIds.includes(m)) e.weighted += 1 / namedOwners;
    if (a.participants === null) e.withoutCount += 1;
    else {
      e.inAll += a.participants;
      if (a.split.has(m)) e.known += a.split.get(m)!;
      else if (a.municipalityIds.length === 1) e.known += a.participants;
      else e.withoutSplit += 1;
    }
    if (a.planItemId !== null) e.planItems.add(a.planItemId);
    e.byGoal.set(a.goalKey, (e.byGoal.get(a.goalKey) ?? 0) + 1);
    if (!a.targetGroupIds.length) e.noTg += 1;
    for (const g of a.targetGroupIds) e.tg.set(g, (e.tg.get(g) ?? 0) + 1);
  }
  return e;
}
const withOwner = (year: number, ownerIds: number[]) => sent.filter((a) => a.year === year && a.municipalityIds.some((m) => ownerIds.includes(m))).length;
const FEES_2018: Record<string, number> = { ekero: 242232, jarfalla: 662415, sigtuna: 411931, sollentuna: 632246, solna: 695504, sundbyberg: 425070, 'upplands-bro': 238173, 'upplands-vasby': 390717 };

describe('the target-group register', () => {
  it('is seeded with the standard groups and their stable keys, and the chief can add and rename (the key stays)', async () => {
    expect(targetGroups.map((g) => [g.key, g.name])).toEqual(STANDARD_TARGET_GROUPS.map((g) => [g.key, g.sv]));
    const added = (await t.http.post('/api/v1/target-groups').send({ name: 'Skolpersonal' }).expect(201)).body;
    expect(added).toMatchObject({ key: null, name: 'Skolpersonal', active: true });
    await t.http.post('/api/v1/target-groups').send({ name: 'skolpersonal' }).expect(409);
    const renamed = (await t.http.patch(`/api/v1/target-groups/${targetGroups[1]!.id}`).send({ name: 'Enhets- och avdelningschefer' }).expect(200)).body;
    expect(renamed).toMatchObject({ key: 'enhetschefer', name: 'Enhets- och avdelningschefer' });
    await t.http.patch(`/api/v1/target-groups/${targetGroups[1]!.id}`).send({ name: targetGroups[1]!.name }).expect(200);
    await t.http.patch(`/api/v1/target-groups/${added.id}`).send({ active: false }).expect(200);
    const rad = await t.as('rad');
    expect((await rad.get('/api/v1/target-groups').expect(200)).body).toHaveLength(8);
    await rad.post('/api/v1/target-groups').send({ name: 'Nej' }).expect(403);
  });
});

describe('an activity accounts for a municipality', () => {
  it('is refused without a municipality and without "ingen ägarkommun", naming the field; and with both', async () => {
    const none = await t.http.post('/api/v1/activities').send(validBody(r, { municipalityIds: [] })).expect(400);
    expect(fieldsOf(none.body)).toEqual(['municipalityIds']);
    const both = await t.http.post('/api/v1/activities').send(validBody(r, { noOwnerMunicipality: true })).expect(400);
    expect(fieldsOf(both.body)).toEqual(['noOwnerMunicipality']);
  });

  it('keeps the split, refuses one above the total or without a total, and one for a municipality not taking part', async () => {
    const [a, b, c] = owners as [number, number, number];
    const over = await t.http.post('/api/v1/activities').send(validBody(r, { municipalityIds: [a, b], participants: 10, municipalityParticipants: [{ municipalityId: a, participants: 6 }, { municipalityId: b, participants: 5 }] })).expect(400);
    expect(fieldsOf(over.body)).toEqual(['municipalityParticipants']);
    const noTotal = await t.http.post('/api/v1/activities').send(validBody(r, { municipalityIds: [a, b], municipalityParticipants: [{ municipalityId: a, participants: 3 }] })).expect(400);
    expect(fieldsOf(noTotal.body)).toEqual(['participants']);
    const other = await t.http.post('/api/v1/activities').send(validBody(r, { municipalityIds: [a, b], participants: 10, municipalityParticipants: [{ municipalityId: c, participants: 3 }] })).expect(400);
    expect(fieldsOf(other.body)).toEqual(['municipalityParticipants.0.municipalityId']);
    const unknownGroup = await t.http.post('/api/v1/activities').send(validBody(r, { targetGroupIds: [999999] })).expect(400);
    expect(fieldsOf(unknownGroup.body)).toEqual(['targetGroupIds.0']);
    // A generated activity with a split reads back with it.
    const withSplit = sent.find((x) => x.split.size > 0)!;
    const got = (await t.http.get(`/api/v1/activities/${withSplit.id}`).expect(200)).body;
    for (const m of got.municipalities) expect(m.participants).toBe(withSplit.split.get(m.id) ?? null);
    expect(got.targetGroups.map((g: { id: number }) => g.id).sort()).toEqual([...withSplit.targetGroupIds].sort());
  });

  it('still loads a row from before the choice existed, with neither', async () => {
    const legacy = (await t.http.get('/api/v1/activities?q=Gammal%20rad&withTotal=true').expect(200)).body;
    expect(legacy.total).toBe(LEGACY);
    expect(legacy.items[0]).toMatchObject({ municipalities: [], noOwnerMunicipality: false, targetGroups: [] });
  });
});

describe('the owners\' table', () => {
  it('gives every owner of 2018 its fee, shares, activities, participants and plan items as computed from the rows', async () => {
    const res = (await t.http.get('/api/v1/reports/owners?year=2018').expect(200)).body;
    // Tomby's first registered year is 2019: not an owner in 2018.
    expect(res.owners.map((o: { code: string }) => o.code)).toEqual(Object.keys(r.municipalities));
    const feeSum = Object.values(FEES_2018).reduce((s, n) => s + n, 0);
    const base = withOwner(2018, owners);
    const knownSum = owners.reduce((s, m) => s + expected(m, 2018, owners).known, 0);
    for (const o of res.owners) {
      const m = r.municipalities[o.code]!;
      const e = expected(m, 2018, owners);
      expect(o).toMatchObject({
        population: null, feeSek: FEES_2018[o.code], activities: e.total, own: e.own, shared: e.shared, open: e.open, participants: e.known, planItems: e.planItems.size,
      });
      expect(o.feeShare).toBeCloseTo(FEES_2018[o.code]! / feeSum, 10);
      expect(o.activityShare).toBeCloseTo(e.weighted / base, 10);
      expect(o.participantShare).toBeCloseTo(e.known / knownSum, 10);
      expect(o.targetGroups).toEqual(res.targetGroups.map((g: { key: string }) => e.tg.get(targetGroups.find((x) => x.key === g.key)!.id) ?? 0));
    }
    expect(res.owners.reduce((s: number, o: { activityShare: number }) => s + o.activityShare, 0)).toBeCloseTo(1, 10);
    const y2018 = sent.filter((a) => a.year === 2018);
    expect(res.totals).toEqual({
      activities: y2018.length + LEGACY,
      withOwner: base,
      noOwnerMunicipality: y2018.filter((a) => a.noOwner).length,
      noMunicipalityGiven: LEGACY,
      feeSek: feeSum,
      participants: knownSum,
      sharedWithoutSplit: y2018.filter((a) => a.municipalityIds.length > 1 && a.participants !== null && a.split.size === 0).length,
      withoutTargetGroup: y2018.filter((a) => a.targetGroupIds.length === 0).length + LEGACY,
    });
    // The generator made every kind the test is about.
    expect(y2018.some((a) => a.municipalityIds.length === owners.length)).toBe(true);
    expect(y2018.some((a) => a.split.size > 0 && [...a.split.values()].reduce((s, n) => s + n, 0) < a.participants!)).toBe(true);
  });

  it('shows a year with a fee but no population, and an owner with no activity', async () => {
    const res = (await t.http.get('/api/v1/reports/owners?year=2019').expect(200)).body;
    const tomby = res.owners.find((o: { code: string }) => o.code === 'tomby');
    expect(tomby).toMatchObject({ population: null, feeSek: 100000, feeShare: 1, activities: 0, own: 0, shared: 0, open: 0, participants: 0, participantShare: null, activityShare: 0, planItems: 0 });
    expect(res.owners).toHaveLength(owners.length + 1);
    expect(res.totals.activities).toBe(0);
  });

  it('exports CSV and XLSX', async () => {
    const csv = await t.http.get('/api/v1/reports/owners?year=2018&output=csv').expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('agarkommuner-2018.csv');
    const sigtuna = expected(r.municipalities.sigtuna!, 2018, owners);
    expect(csv.text).toContain(`Sigtuna;;411931;`);
    expect(csv.text).toContain(`;${sigtuna.total};${sigtuna.own};${sigtuna.shared};${sigtuna.open};`);
    const xlsx = await t.http.get('/api/v1/reports/owners?year=2018&output=xlsx').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
  });
});

describe('the municipality report', () => {
  it('gives Sigtuna 2018 against 2017 as computed from the rows', async () => {
    const m = r.municipalities.sigtuna!;
    const res = (await t.http.get('/api/v1/reports/municipality/sigtuna?year=2018').expect(200)).body;
    const e = expected(m, 2018, owners);
    const p = expected(m, 2017, owners);
    expect(res.municipality).toEqual({ code: 'sigtuna', name: 'Sigtuna', owner: true });
    expect(res.activities).toEqual({ total: e.total, own: e.own, shared: e.shared, open: e.open });
    expect(res.participants).toEqual({ known: e.known, inAll: e.inAll, activitiesWithoutSplit: e.withoutSplit, activitiesWithoutCount: e.withoutCount });
    expect(res.previous).toEqual({
      activities: { total: p.total, own: p.own, shared: p.shared, open: p.open },
      participants: { known: p.known, inAll: p.inAll, activitiesWithoutSplit: p.withoutSplit, activitiesWithoutCount: p.withoutCount },
    });
    expect(res.previousPeriod).toEqual({ from: '2017-01-01', to: '2017-12-31', year: 2017 });
    expect(Object.fromEntries(res.byGoal.map((g: { key: string; count: number }) => [g.key, g.count]))).toEqual(
      Object.fromEntries(['kunskapsutveckling', 'metodstod', 'spridning', 'samverkan'].map((k) => [k, e.byGoal.get(k) ?? 0])));
    expect(res.byFormat.reduce((s: number, x: { count: number }) => s + x.count, 0)).toBe(e.total);
    expect(res.withoutTargetGroup).toBe(e.noTg);
    for (const g of res.byTargetGroup) expect(g.count).toBe(e.tg.get(targetGroups.find((x) => x.key === g.key)?.id ?? -1) ?? 0);
    expect(res.planItems.map((x: { id: number }) => x.id).sort()).toEqual([...e.planItems].sort());
    expect(res.planItems.every((x: { status: string }) => x.status === 'planerad')).toBe(true);
    expect(res.list).toHaveLength(e.total);
    const feeSum = Object.values(FEES_2018).reduce((s, n) => s + n, 0);
    expect(res.fee).toMatchObject({ year: 2018, feeSek: 411931, population: null, allOwnersFeeSek: feeSum });
    expect(res.fee.feeShare).toBeCloseTo(411931 / feeSum, 10);
    expect(res.fee.activityShare).toBeCloseTo(e.weighted / withOwner(2018, owners), 10);
  });

  it('answers a municipality with no activity with zeros, a period without a fee, 404 for an unknown code and 400 without a period', async () => {
    const tomby = (await t.http.get('/api/v1/reports/municipality/tomby?year=2018').expect(200)).body;
    expect(tomby.municipality.owner).toBe(false);
    expect(tomby.activities).toEqual({ total: 0, own: 0, shared: 0, open: 0 });
    expect(tomby.list).toEqual([]);
    const period = (await t.http.get('/api/v1/reports/municipality/solna?from=2018-01-01&to=2018-06-30').expect(200)).body;
    expect(period.fee).toBeNull();
    expect(period.previousPeriod).toEqual({ from: '2017-01-01', to: '2017-06-30', year: null });
    const solna = r.municipalities.solna!;
    const dates = new Map<number, string>();
    for (const a of (await t.http.get('/api/v1/activities?municipality=solna&from=2018-01-01&to=2018-06-30&limit=500').expect(200)).body.items) dates.set(a.id, a.date);
    expect(period.activities.total).toBe(sent.filter((a) => a.municipalityIds.includes(solna) && dates.has(a.id)).length);
    await t.http.get('/api/v1/reports/municipality/ingenstans?year=2018').expect(404);
    const noPeriod = await t.http.get('/api/v1/reports/municipality/solna').expect(400);
    expect(fieldsOf(noPeriod.body)).toEqual(['year']);
  });

  it('is read by the council, and exports CSV with a table per section', async () => {
    const rad = await t.as('rad');
    const csv = await rad.get('/api/v1/reports/municipality/sigtuna?year=2018&output=csv').expect(200);
    const e = expected(r.municipalities.sigtuna!, 2018, owners);
    const p = expected(r.municipalities.sigtuna!, 2017, owners);
    expect(csv.text).toContain(`Totalt;${e.total};${p.total}`);
    expect(csv.text).toContain('Alla ägare (öppet erbjudande)');
    expect(csv.text).toContain('Planpunkter med aktivitet för kommunen');
  });

  it('lets an account be linked to a municipality, which /auth/me then names', async () => {
    const created = (await t.http.post('/api/v1/users').send({ username: 'rad.sigtuna.test', displayName: 'Rådet Sigtuna', role: 'rad', municipalityId: r.municipalities.sigtuna, password: 'ett-långt-lösen-för-test-9' }).expect(201)).body;
    expect(created.municipalityId).toBe(r.municipalities.sigtuna);
    const login = await t.anon.post('/api/v1/auth/login').send({ username: 'rad.sigtuna.test', password: 'ett-långt-lösen-för-test-9' }).expect(200);
    expect(login.body.municipality).toEqual({ code: 'sigtuna', name: 'Sigtuna' });
    const bad = await t.http.post('/api/v1/users').send({ username: 'rad.x', displayName: 'X', role: 'rad', municipalityId: 999999, password: 'ett-långt-lösen-för-test-9' }).expect(400);
    expect(fieldsOf(bad.body)).toEqual(['municipalityId']);
  });
});
