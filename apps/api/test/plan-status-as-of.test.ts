/**
 * The plan follow-up "as of" a date shows each item's status on that date, read from the audit trail. The items
 * are written straight into the table (no trail of their own), and their trail rows are inserted with known
 * times, so the expected statuses below are read off this file's rows, not off the code under test. Times are
 * UTC; the day is Swedish (a change at 22:30 UTC on 30 June in summer is 1 July in Sweden).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../src/db/schema.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let r: Refs;
const ids: Record<string, number> = {};

type Trail = { at: string; action: 'create' | 'copy' | 'update'; before?: string; after: string }[];

const ITEMS: { title: string; status: s.PlanStatus; trail: Trail }[] = [
  {
    title: 'Genomförd i juni',
    status: 'genomford',
    trail: [
      { at: '2017-12-12T09:00:00.000Z', action: 'copy', after: 'planerad' },
      { at: '2018-03-01T08:00:00.000Z', action: 'update', before: 'planerad', after: 'pagar' },
      { at: '2018-06-30T22:30:00.000Z', action: 'update', before: 'pagar', after: 'genomford' },
    ],
  },
  {
    title: 'Ändrad på hösten',
    status: 'delvis_genomford',
    trail: [
      { at: '2018-01-10T10:00:00.000Z', action: 'create', after: 'planerad' },
      { at: '2018-06-29T12:00:00.000Z', action: 'update', before: 'planerad', after: 'genomford' },
      { at: '2018-10-02T12:00:00.000Z', action: 'update', before: 'genomford', after: 'delvis_genomford' },
    ],
  },
  { title: 'Lagd till i augusti', status: 'pagar', trail: [{ at: '2018-08-20T07:00:00.000Z', action: 'create', after: 'pagar' }] },
  // The trail begins with a change: before it the item had that change's before-status.
  { title: 'Historik från mitten', status: 'framflyttad', trail: [{ at: '2018-09-01T07:00:00.000Z', action: 'update', before: 'pagar', after: 'framflyttad' }] },
  { title: 'Utan historik', status: 'genomford', trail: [] },
];

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t);
  const db = t.app.db;
  // Another unit's forged trail rows on the same item ids must be ignored.
  const other = db.insert(s.units).values({ code: 'annan', name: 'Annan enhet' }).returning().get().id;
  for (const [i, item] of ITEMS.entries()) {
    const row = db.insert(s.planItems).values({
      unitId: t.unitId, year: 2018, title: item.title, goalId: r.goals.vp2018.spridning!, areaId: r.areas.ifo!, status: item.status, sortOrder: i,
    }).returning().get();
    ids[item.title] = row.id;
    for (const c of item.trail) {
      db.insert(s.auditLog).values({
        unitId: t.unitId, at: c.at, actor: 'test', action: c.action, entity: 'plan_item', entityId: row.id,
        before: c.before ? { status: c.before } : null, after: { title: item.title, status: c.after },
      }).run();
    }
    db.insert(s.auditLog).values({
      unitId: other, at: '2018-01-01T00:00:00.000Z', actor: 'test', action: 'update', entity: 'plan_item', entityId: row.id,
      before: { status: 'inte_genomford' }, after: { status: 'inte_genomford' },
    }).run();
  }
});
afterAll(async () => { await t.close(); });

type Item = { id: number; title: string; status: string; statusAsOf: string | null; statusAsOfBasis: string; activityCount: number; activityCountAll: number };
const followup = async (asOf: string) => (await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf }).expect(200)).body.items as Item[];
const asOfOf = (items: Item[]) => Object.fromEntries(items.map((i) => [i.title, [i.statusAsOf, i.statusAsOfBasis]]));

describe('plan follow-up: status on the chosen date', () => {
  it('on 31 January', async () => {
    expect(asOfOf(await followup('2018-01-31'))).toEqual({
      'Genomförd i juni': ['planerad', 'history'],
      'Ändrad på hösten': ['planerad', 'history'],
      'Lagd till i augusti': [null, 'not_created'],
      'Historik från mitten': ['pagar', 'history'],
      'Utan historik': [null, 'no_history'],
    });
  });

  it('on 30 June: a change at 22:30 UTC that day is 1 July in Sweden and not yet counted', async () => {
    expect(asOfOf(await followup('2018-06-30'))).toEqual({
      'Genomförd i juni': ['pagar', 'history'],
      'Ändrad på hösten': ['genomford', 'history'],
      'Lagd till i augusti': [null, 'not_created'],
      'Historik från mitten': ['pagar', 'history'],
      'Utan historik': [null, 'no_history'],
    });
  });

  it('on 31 December, with today\'s status beside it', async () => {
    const items = await followup('2018-12-31');
    expect(asOfOf(items)).toEqual({
      'Genomförd i juni': ['genomford', 'history'],
      'Ändrad på hösten': ['delvis_genomford', 'history'],
      'Lagd till i augusti': ['pagar', 'history'],
      'Historik från mitten': ['framflyttad', 'history'],
      'Utan historik': [null, 'no_history'],
    });
    expect(Object.fromEntries(items.map((i) => [i.title, i.status]))).toEqual({
      'Genomförd i juni': 'genomford', 'Ändrad på hösten': 'delvis_genomford', 'Lagd till i augusti': 'pagar', 'Historik från mitten': 'framflyttad', 'Utan historik': 'genomford',
    });
  });

  it('follows a change made through the API, and counts every linked activity beside those up to the date', async () => {
    const id = ids['Utan historik']!;
    const item = (await t.http.get(`/api/v1/plan-items/${id}`).expect(200)).body;
    await t.http.post('/api/v1/activities').send(validBody(r, { date: '2018-03-01', planItemId: id })).expect(201);
    await t.http.post('/api/v1/activities').send(validBody(r, { date: '2018-11-01', planItemId: id })).expect(201);
    await t.http.put(`/api/v1/plan-items/${id}`).send({
      year: item.year, title: item.title, goalId: item.goal.id, areaId: item.area.id, planned: item.planned, targetCount: item.targetCount,
      outcome: item.outcome, staffIds: [], sortOrder: item.sortOrder, version: item.version, status: 'pagar',
    }).expect(200);
    // The change is made today, long after 2018: on 30 June 2018 the item still had the status it had before.
    const got = (await followup('2018-06-30')).find((i) => i.id === id)!;
    expect([got.status, got.statusAsOf, got.statusAsOfBasis, got.activityCount, got.activityCountAll]).toEqual(['pagar', 'genomford', 'history', 1, 2]);
  });

  it('the export carries the status on the date in its last column, or why it is not known', async () => {
    const csv = (await t.http.get('/api/v1/plan-followup').query({ year: 2018, asOf: '2018-01-31', output: 'csv' }).expect(200)).text;
    const lines = csv.slice(1).split('\r\n').map((l) => l.split(';'));
    const header = lines.find((l) => l[0] === 'Planpunkt')!;
    expect(header.at(-1)).toBe('Status 2018-01-31');
    const last = (title: string) => lines.find((l) => l[0] === title)!.at(-1);
    expect(last('Genomförd i juni')).toBe('Planerad');
    expect(last('Historik från mitten')).toBe('Pågår');
    expect(last('Lagd till i augusti')).toBe('Punkten fanns inte då');
  });
});
