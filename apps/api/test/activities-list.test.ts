import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../src/seed/random.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { loadRefs, type Refs } from './helpers/fixtures.ts';

/** What the test sent, kept in plain JS to compute every expected list independently of the API. */
interface Sent {
  id: number; date: string; title: string; goalKey: string; areaCode: string; municipalityCodes: string[];
  staffIds: number[]; typeId: number; assignmentId: number | null;
}

let t: TestApp;
let r: Refs;
const sent: Sent[] = [];
const TITLES = ['Seminarium om BBIC', 'ÅRSMÖTE i nätverket', 'Årsmöte för rådet', 'Öppna jämförelser', 'Rabatt 50% på kursen',
  'Rapport 50 sidor', 'fil_namn i arkivet', 'filxnamn utan understreck', 'Ärendegenomgång', 'Workshop: ÄLDRE och yngre'];
const LEAVES = ['ifo', 'bou', 'ekb', 'missbruk', 'socpsyk'];
const GOAL_KEYS = ['kunskapsutveckling', 'metodstod', 'spridning', 'samverkan'];
const MUNIS = ['ekero', 'jarfalla', 'sigtuna', 'sollentuna', 'solna', 'sundbyberg', 'upplands-bro', 'upplands-vasby'];

function randomDate(rng: ReturnType<typeof createRng>): string {
  // 2023-09 … 2024-04 straddles the change of goal framework; few distinct days, so many ties on date.
  const d = new Date(Date.UTC(2023, 8, 1) + rng.int(0, 240) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t, { staff: 4, assignments: 3 });
  const rng = createRng(4242);
  for (let i = 0; i < 150; i++) {
    const date = i % 10 === 0 ? '2024-01-01' : randomDate(rng);
    const fw = date < '2024-01-01' ? 'vp2018' : 'vp2024';
    const goalKey = rng.pick(GOAL_KEYS);
    const areaCode = rng.pick(LEAVES);
    const municipalityCodes = rng.sample(MUNIS, rng.int(0, 3));
    const staffIds = rng.sample(r.staff, rng.int(1, 2));
    const typeId = rng.pick(r.types.slice(0, 4));
    const assignmentId = rng.next() < 0.4 ? rng.pick(r.assignments) : null;
    const title = `${rng.pick(TITLES)} ${i}`;
    const res = await t.http.post('/api/v1/activities').send({
      date, title, goalId: r.goals[fw][goalKey], areaId: r.areas[areaCode], typeId, format: 'fysiskt', assignmentId,
      municipalityIds: municipalityCodes.map((c) => r.municipalities[c]), staffIds, noOwnerMunicipality: municipalityCodes.length === 0,
    }).expect(201);
    sent.push({ id: res.body.id, date, title, goalKey, areaCode, municipalityCodes, staffIds, typeId, assignmentId });
  }
});
afterAll(async () => { await t.close(); });

type Query = Record<string, string | number>;

async function listAll(query: Query, limit = 37): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const res: { body: { items: { id: number }[]; nextCursor: string | null } } = await t.http.get('/api/v1/activities').query({ ...query, limit, ...(cursor ? { cursor } : {}) }).expect(200);
    ids.push(...res.body.items.map((a) => a.id));
    cursor = res.body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('pagination did not end');
}

const VUXEN = ['ekb', 'missbruk', 'socpsyk'];
function expected(q: Query): number[] {
  const needle = q.q === undefined ? undefined : String(q.q).toLocaleLowerCase('sv');
  const rows = sent.filter((s) =>
    (q.from === undefined || s.date >= String(q.from))
    && (q.to === undefined || s.date <= String(q.to))
    && (q.goal === undefined || s.goalKey === q.goal)
    && (q.area === undefined || s.areaCode === q.area || (q.area === 'vuxen' && VUXEN.includes(s.areaCode)))
    && (q.municipality === undefined || s.municipalityCodes.includes(String(q.municipality)))
    && (q.staff === undefined || s.staffIds.includes(Number(q.staff)))
    && (q.type === undefined || s.typeId === Number(q.type))
    && (q.assignment === undefined || s.assignmentId === Number(q.assignment))
    && (needle === undefined || s.title.toLocaleLowerCase('sv').includes(needle)));
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  if (q.order === 'desc') rows.reverse();
  return rows.map((s) => s.id);
}

async function check(q: Query): Promise<number[]> {
  const want = expected(q);
  expect(await listAll(q), JSON.stringify(q)).toEqual(want);
  return want;
}

describe('list filters (150 seeded random activities, expected sets computed in the test)', () => {
  it('lists everything by date then id, ascending by default and descending on request', async () => {
    expect((await check({})).length).toBe(150);
    await check({ order: 'desc' });
    await check({ order: 'asc' });
  });

  it('from and to are inclusive', async () => {
    expect((await check({ from: '2024-01-01', to: '2024-01-01' })).length).toBeGreaterThanOrEqual(15);
    await check({ from: '2023-11-15' });
    await check({ to: '2023-11-15' });
    await check({ from: '2023-10-01', to: '2023-12-31', order: 'desc' });
  });

  it('goal is the key and matches across both frameworks', async () => {
    for (const goal of GOAL_KEYS) {
      const ids = await check({ goal });
      const dates = sent.filter((s) => ids.includes(s.id)).map((s) => s.date);
      expect(dates.some((d) => d < '2024-01-01') && dates.some((d) => d >= '2024-01-01')).toBe(true);
    }
  });

  it('a group area matches its children; a leaf only itself', async () => {
    const vuxen = await check({ area: 'vuxen' });
    expect(vuxen.length).toBe(sent.filter((s) => VUXEN.includes(s.areaCode)).length);
    expect(vuxen.length).toBeGreaterThan(0);
    for (const leaf of LEAVES) expect((await check({ area: leaf })).length).toBeGreaterThan(0);
  });

  it('municipality (by code), staff, type and assignment', async () => {
    for (const m of MUNIS) await check({ municipality: m });
    for (const s of r.staff) await check({ staff: s });
    for (const ty of r.types.slice(0, 4)) await check({ type: ty });
    for (const a of r.assignments) expect((await check({ assignment: a })).length).toBeGreaterThan(0);
  });

  it('q searches the title case-insensitively, Å/Ä/Ö included', async () => {
    const arsmote = await check({ q: 'årsmöte' });
    expect(sent.filter((s) => arsmote.includes(s.id)).some((s) => s.title.startsWith('ÅRSMÖTE'))).toBe(true);
    expect(sent.filter((s) => arsmote.includes(s.id)).some((s) => s.title.startsWith('Årsmöte'))).toBe(true);
    expect(await listAll({ q: 'ÅRSMÖTE' })).toEqual(arsmote);
    await check({ q: 'äldre' });
    await check({ q: 'ÖPPNA' });
    await check({ q: 'ärende' });
  });

  it('q treats % and _ literally', async () => {
    const pct = await check({ q: '50%' });
    expect(pct.length).toBeGreaterThan(0);
    expect(sent.filter((s) => pct.includes(s.id)).every((s) => s.title.includes('50%'))).toBe(true);
    const onlyPct = await check({ q: '%' });
    expect(onlyPct.length).toBeLessThan(sent.length);
    const under = await check({ q: 'fil_namn' });
    expect(sent.filter((s) => under.includes(s.id)).every((s) => s.title.includes('fil_namn'))).toBe(true);
    expect(sent.some((s) => s.title.includes('filxnamn'))).toBe(true);
    await check({ q: '_' });
    await check({ q: '\\' });
  });

  it('random combinations of filters and order', async () => {
    const rng = createRng(99);
    let nonEmpty = 0;
    for (let i = 0; i < 60; i++) {
      const q: Query = {};
      if (rng.next() < 0.4) q.from = randomDate(rng);
      if (rng.next() < 0.4) q.to = randomDate(rng);
      if (q.from && q.to && q.from > q.to) [q.from, q.to] = [q.to, q.from];
      if (rng.next() < 0.35) q.goal = rng.pick(GOAL_KEYS);
      if (rng.next() < 0.35) q.area = rng.pick([...LEAVES, 'vuxen']);
      if (rng.next() < 0.3) q.municipality = rng.pick(MUNIS);
      if (rng.next() < 0.3) q.staff = rng.pick(r.staff);
      if (rng.next() < 0.25) q.type = rng.pick(r.types.slice(0, 4));
      if (rng.next() < 0.2) q.assignment = rng.pick(r.assignments);
      if (rng.next() < 0.2) q.q = rng.pick(['möte', 'ÅR', '50', 'fil_', 'rapport']);
      if (rng.next() < 0.5) q.order = 'desc';
      if ((await check(q)).length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(20);
  });

  it('withTotal counts every match, not just the page', async () => {
    const res = await t.http.get('/api/v1/activities').query({ area: 'vuxen', limit: 5, withTotal: 'true' }).expect(200);
    expect(res.body.items).toHaveLength(5);
    expect(res.body.total).toBe(expected({ area: 'vuxen' }).length);
  });
});

describe('keyset pagination while rows are inserted', () => {
  it('sees every row that existed at the start exactly once, in order, in both directions', async () => {
    for (const order of ['asc', 'desc'] as const) {
      const start = expected({ order });
      const seen: number[] = [];
      let cursor: string | null = null;
      let page = 0;
      const rng = createRng(order === 'asc' ? 7 : 8);
      do {
        const res: { body: { items: { id: number; date: string }[]; nextCursor: string | null } } = await t.http.get('/api/v1/activities').query({ order, limit: 13, ...(cursor ? { cursor } : {}) }).expect(200);
        const items = res.body.items;
        seen.push(...items.map((a) => a.id));
        cursor = res.body.nextCursor;
        if (cursor === null) expect(items.length).toBeLessThanOrEqual(13);
        // Insert rows before and after the cursor position (and on the cursor's own date) between fetches.
        const last = items[items.length - 1];
        const dates = [randomDate(rng), randomDate(rng), ...(last ? [last.date] : []), '2023-09-01', '2024-04-28'];
        for (const date of dates) {
          const fw = date < '2024-01-01' ? 'vp2018' : 'vp2024';
          const body = { date, title: `Insatt under bläddring ${page}`, goalId: r.goals[fw].spridning, areaId: r.areas.ifo, typeId: r.types[0], format: 'digitalt', staffIds: [r.staff[0]], noOwnerMunicipality: true };
          const res2 = await t.http.post('/api/v1/activities').send(body).expect(201);
          sent.push({ id: res2.body.id, date, title: body.title, goalKey: 'spridning', areaCode: 'ifo', municipalityCodes: [], staffIds: [r.staff[0]!], typeId: r.types[0]!, assignmentId: null });
        }
        page++;
      } while (cursor !== null && page < 200);
      expect(cursor).toBeNull();
      expect(new Set(seen).size).toBe(seen.length);
      const startSet = new Set(start);
      expect(seen.filter((id) => startSet.has(id))).toEqual(start);
      // What was seen is in order by (date, id).
      const byId = new Map(sent.map((s) => [s.id, s]));
      const keys = seen.map((id) => [byId.get(id)!.date, id] as const);
      for (let i = 1; i < keys.length; i++) {
        const [a, b] = [keys[i - 1]!, keys[i]!];
        const cmp = a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1];
        expect(order === 'asc' ? cmp < 0 : cmp > 0).toBe(true);
      }
    }
  });

  it('gives nextCursor null on the last page, also when the last page is exactly full', async () => {
    const n = expected({ area: 'socpsyk' }).length;
    const res = await t.http.get('/api/v1/activities').query({ area: 'socpsyk', limit: n }).expect(200);
    expect(res.body.items).toHaveLength(n);
    expect(res.body.nextCursor).toBeNull();
    const res2 = await t.http.get('/api/v1/activities').query({ area: 'socpsyk', limit: n - 1 }).expect(200);
    expect(res2.body.nextCursor).toEqual(expect.any(String));
  });

  it.each(['nonsense', 'eyJ4IjoxfQ', Buffer.from('["2018-01-01","x"]').toString('base64url'), Buffer.from('[1,2]').toString('base64url'), '!!!'])(
    'a malformed cursor %j is a 400 naming cursor',
    async (cursor) => {
      const res = await t.http.get('/api/v1/activities').query({ cursor }).expect(400);
      expect(res.body.fields.map((f: { field: string; in: string }) => [f.field, f.in])).toEqual([['cursor', 'querystring']]);
    },
  );
});
