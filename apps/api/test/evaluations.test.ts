/**
 * Event evaluations through the real API: staff create one on an activity, participants answer through the public
 * link without a login, and the figures come back in the evaluation and the reports. Expected figures are computed
 * here from the answers this test posts (plain loops), never taken from the code under test.
 */
import { PassThrough } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInSweden } from '@fou/domain';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';
import { loadRefs, validBody, type Refs } from './helpers/fixtures.ts';

let t: TestApp;
let refs: Refs;

const today = todayInSweden();
const shift = (days: number) => new Date(Date.parse(`${today}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const ALL_QUESTIONS = ['rating', 'useful', 'affects', 'municipality', 'targetGroup', 'comment'];
const openBody = (over: Record<string, unknown> = {}) => ({ registered: 130, attending: 100, opensOn: shift(-1), closesOn: shift(7), questions: ALL_QUESTIONS, ...over });

async function activity(over: Record<string, unknown> = {}): Promise<number> {
  return (await t.http.post('/api/v1/activities').send(validBody(refs, over)).expect(201)).body.id as number;
}
async function evaluation(activityId: number, over: Record<string, unknown> = {}) {
  return (await t.http.post(`/api/v1/activities/${activityId}/evaluation`).send(openBody(over)).expect(201)).body as { id: number; publicToken: string; version: number };
}
const answer = (token: string, body: Record<string, unknown>) => t.anon.post(`/api/v1/public/evaluations/${token}/answers`).send(body);
const round1 = (x: number) => Math.round(x * 10) / 10;

beforeAll(async () => {
  t = await makeTestApp({ publicAnswerLimit: { max: 10_000 } });
  refs = await loadRefs(t);
});
afterAll(async () => { await t.close(); });

describe('creating and changing an evaluation', () => {
  it('lets the chief and the activity\'s staff create it, not other staff or the council, and only once', async () => {
    const staffId = refs.staff[1]!;
    const id = await activity({ staffIds: [staffId] });
    expect((await t.http.get(`/api/v1/activities/${id}/evaluation`).expect(200)).body).toBeNull();
    const other = await t.as('medarbetare');
    expect((await other.post(`/api/v1/activities/${id}/evaluation`).send(openBody())).status).toBe(403);
    expect((await (await t.as('rad')).post(`/api/v1/activities/${id}/evaluation`).send(openBody())).status).toBe(403);
    const own = await t.as('medarbetare', { staffId });
    const res = await own.post(`/api/v1/activities/${id}/evaluation`).send(openBody()).expect(201);
    expect(res.body.canEdit).toBe(true);
    // ≥ 128 bits of randomness in the link.
    expect(Buffer.from(res.body.publicToken as string, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect((await t.http.post(`/api/v1/activities/${id}/evaluation`).send(openBody())).status).toBe(409);
    // The other medarbetare may read the figures but not change them or see the link.
    const read = await other.get(`/api/v1/evaluations/${res.body.id}`).expect(200);
    expect(read.body.publicToken).toBeNull();
    expect((await other.put(`/api/v1/evaluations/${res.body.id}`).send({ ...openBody(), version: 1 })).status).toBe(403);
    const changed = await own.put(`/api/v1/evaluations/${res.body.id}`).send({ ...openBody({ attending: 90 }), version: 1 }).expect(200);
    expect(changed.body.attending).toBe(90);
    expect((await own.put(`/api/v1/evaluations/${res.body.id}`).send({ ...openBody(), version: 1 })).status).toBe(409);
    const audit = await t.http.get('/api/v1/audit').query({ entity: 'evaluation', entityId: res.body.id }).expect(200);
    expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual(['update', 'create']);
  });

  it('names each failing field of a bad evaluation', async () => {
    const id = await activity();
    const res = await t.http.post(`/api/v1/activities/${id}/evaluation`).send(openBody({ opensOn: shift(3), closesOn: shift(1), questions: [] })).expect(400);
    expect(res.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['questions']);
    const res2 = await t.http.post(`/api/v1/activities/${id}/evaluation`).send(openBody({ opensOn: shift(3), closesOn: shift(1) })).expect(400);
    expect(res2.body.fields[0].code).toBe('closes_before_opening');
    expect((await t.http.post('/api/v1/activities/999999/evaluation').send(openBody())).status).toBe(404);
  });
});

describe('the public link', () => {
  it('shows the questions without a login, and a clear 404 for an unknown link', async () => {
    const ev = await evaluation(await activity({ title: 'FoU-frukost om heder' }));
    const page = await t.anon.get(`/api/v1/public/evaluations/${ev.publicToken}`).expect(200);
    expect(page.body.title).toBe('FoU-frukost om heder');
    expect(page.body.state).toBe('open');
    expect(page.body.questions.map((q: { key: string }) => q.key)).toEqual(ALL_QUESTIONS);
    const rating = page.body.questions.find((q: { key: string }) => q.key === 'rating');
    expect(rating.options).toHaveLength(10);
    const unknown = await t.anon.get(`/api/v1/public/evaluations/${'A'.repeat(27)}`).expect(404);
    expect(unknown.body.code).toBe('unknown_evaluation');
    expect((await t.anon.get('/api/v1/public/evaluations/x')).status).toBe(400);
    expect((await answer('B'.repeat(27), { rating: 5 })).status).toBe(404);
  });

  it('stores the answers and counts means and shares as computed here', async () => {
    const ev = await evaluation(await activity());
    const posted = [
      { rating: 9, useful: 'helt', affects: 'ja', municipality: 'solna', targetGroup: 'medarbetare' },
      { rating: 7, useful: 'hog', affects: 'delvis', municipality: 'solna' },
      { rating: 8, useful: 'delvis', affects: 'ja', municipality: 'annan' },
      { rating: 4, useful: 'inte', affects: 'nej' },
      { rating: 10, useful: 'helt', municipality: 'sundbyberg', comment: 'Bra föreläsare!' },
      { useful: 'delvis', affects: 'delvis' },
    ];
    for (const p of posted) await answer(ev.publicToken, p).expect(201);
    const count = await t.http.get(`/api/v1/evaluations/${ev.id}/count`).expect(200);
    expect(count.body.answers).toBe(posted.length);

    const ratings = posted.flatMap((p) => (p.rating === undefined ? [] : [p.rating]));
    const useful = posted.flatMap((p) => (p.useful ? [p.useful] : []));
    const affects = posted.flatMap((p) => (p.affects ? [p.affects] : []));
    const share = (list: string[], ...values: string[]) => round1((100 * list.filter((v) => values.includes(v)).length) / list.length);
    const got = (await t.http.get(`/api/v1/evaluations/${ev.id}`).expect(200)).body;
    expect(got.figures.answers).toBe(6);
    expect(got.figures.ratingMean).toBe(round1(ratings.reduce((a, b) => a + b, 0) / ratings.length));
    expect(got.figures.usefulFullyOrHigh).toBe(share(useful, 'helt', 'hog'));
    expect(got.figures.useful.delvis).toBe(share(useful, 'delvis'));
    expect(got.figures.affectsYesOrPartly).toBe(share(affects, 'ja', 'delvis'));
    expect(got.figures.affects.nej).toBe(share(affects, 'nej'));
    expect(got.responseRate).toBe(round1((100 * 6) / 100));
    expect(got.figures.ratingCounts[9 - 1]).toBe(ratings.filter((r) => r === 9).length);

    // Per respondent municipality, from the same list.
    const rep = await t.http.get('/api/v1/reports/evaluations').query({ groupBy: 'municipality', activity: got.activity.id }).expect(200);
    const solna = rep.body.groups.find((g: { key: string }) => g.key === 'solna');
    const solnaRatings = posted.filter((p) => p.municipality === 'solna').map((p) => p.rating!);
    expect(solna.figures.answers).toBe(solnaRatings.length);
    expect(solna.figures.ratingMean).toBe(round1(solnaRatings.reduce((a, b) => a + b, 0) / solnaRatings.length));
    expect(rep.body.groups.find((g: { key: string }) => g.key === 'annan').figures.answers).toBe(1);
  });

  it('stores no address, name or time of day, and refuses a personnummer in the comment', async () => {
    const ev = await evaluation(await activity());
    const refused = await answer(ev.publicToken, { rating: 5, comment: 'Ring mig, 19811218-9876' }).expect(400);
    expect(refused.body.fields[0]).toMatchObject({ field: 'comment', code: 'personal_identity_number' });
    await answer(ev.publicToken, { rating: 5, comment: 'Tack' }).expect(201);
    const db = t.app.db.$client;
    const columns = (db.prepare('pragma table_info(evaluation_answers)').all() as { name: string }[]).map((c) => c.name);
    expect(columns.filter((c) => /(^|_)(ip|addr|address|name|mail|email|agent|time|created|user)(_|$)/.test(c))).toEqual([]);
    const rows = db.prepare('select * from evaluation_answers where evaluation_id = ?').all(ev.id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('127.0.0.1');
    expect((rows[0] as { answered_on: string }).answered_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('takes one answer per device token, refuses an empty answer and ignores questions turned off', async () => {
    const ev = await evaluation(await activity(), { questions: ['rating', 'useful'] });
    await answer(ev.publicToken, { rating: 6, deviceToken: 'device-token-0123456789' }).expect(201);
    const again = await answer(ev.publicToken, { rating: 2, deviceToken: 'device-token-0123456789' }).expect(409);
    expect(again.body.code).toBe('already_answered');
    await answer(ev.publicToken, { rating: 8, deviceToken: 'another-device-987654321' }).expect(201);
    expect((await answer(ev.publicToken, {}).expect(400)).body.fields[0].code).toBe('empty_answer');
    // affects is not asked here: the answer is stored without it.
    await answer(ev.publicToken, { rating: 7, affects: 'ja' }).expect(201);
    const got = (await t.http.get(`/api/v1/evaluations/${ev.id}`).expect(200)).body;
    expect(got.figures.answers).toBe(3);
    expect(got.figures.affectsYesOrPartly).toBeNull();
    expect(got.figures.ratingMean).toBe(7); // (6 + 8 + 7) / 3
  });

  it('answers a closed or not yet open evaluation with a clear 409, never a 500', async () => {
    const closed = await evaluation(await activity(), { opensOn: shift(-10), closesOn: shift(-1) });
    const res = await answer(closed.publicToken, { rating: 5 }).expect(409);
    expect(res.body.code).toBe('closed');
    expect((await t.anon.get(`/api/v1/public/evaluations/${closed.publicToken}`).expect(200)).body.state).toBe('closed');
    const later = await evaluation(await activity(), { opensOn: shift(2), closesOn: shift(9) });
    expect((await answer(later.publicToken, { rating: 5 }).expect(409)).body.code).toBe('not_open');
  });

  it('loses no answer when a hall answers at once', async () => {
    const ev = await evaluation(await activity());
    const n = 100;
    const results = await Promise.all(Array.from({ length: n }, (_, i) => answer(ev.publicToken, { rating: 1 + (i % 10), deviceToken: `burst-device-${String(i).padStart(6, '0')}` })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(n);
    const rows = t.app.db.$client.prepare('select rating from evaluation_answers where evaluation_id = ?').all(ev.id) as { rating: number }[];
    expect(rows).toHaveLength(n);
    // Ratings 1..10 ten times each: the mean is 5.5.
    expect((await t.http.get(`/api/v1/evaluations/${ev.id}`).expect(200)).body.figures.ratingMean).toBe(round1(rows.reduce((a, r) => a + r.rating, 0) / n));
  });

  it('limits the body size', async () => {
    const ev = await evaluation(await activity());
    const res = await answer(ev.publicToken, { rating: 5, comment: 'x'.repeat(9_000) });
    expect(res.status).toBe(413);
    expect(typeof res.body.message).toBe('string');
  });

  it('survives fuzzed answers: below 500, and a refused one stores nothing', async () => {
    const ev = await evaluation(await activity());
    const count = () => (t.app.db.$client.prepare('select count(*) as n from evaluation_answers where evaluation_id = ?').get(ev.id) as { n: number }).n;
    const junk = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constantFrom(null, true, [], {}, '19811218-9876', '\u202e', 'å'.repeat(2000)));
    const body = fc.record({
      rating: fc.oneof(fc.integer({ min: -2, max: 12 }), junk),
      useful: fc.oneof(fc.constantFrom('helt', 'hog', 'delvis', 'inte'), junk),
      affects: fc.oneof(fc.constantFrom('ja', 'delvis', 'nej'), junk),
      municipality: fc.oneof(fc.constantFrom('solna', 'annan', 'ingen', 'zzz'), junk),
      targetGroup: fc.oneof(fc.constantFrom('medarbetare', 'okänd'), junk),
      comment: fc.oneof(fc.string({ maxLength: 200 }), junk),
      deviceToken: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{16,30}$/), junk),
      extra: junk,
    }, { requiredKeys: [] });
    const raw = fc.oneof(body.map((b) => JSON.stringify(b)), fc.string({ maxLength: 100 }), fc.constantFrom('', 'null', '[]', '{"rating":', '{"__proto__":{"x":1}}'));
    await fc.assert(fc.asyncProperty(raw, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (payload, contentType) => {
      const before = count();
      const res = await t.app.inject({ method: 'POST', url: `/api/v1/public/evaluations/${ev.publicToken}/answers`, headers: { 'content-type': contentType }, payload });
      expect(res.statusCode, `${payload.slice(0, 200)} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
      expect(typeof JSON.parse(res.body).message === 'string' || res.statusCode === 201).toBe(true);
      expect(count()).toBe(res.statusCode === 201 ? before + 1 : before);
    }), { seed: 16, numRuns: 400 });
  }, 60_000);
});

describe('comments, removal and wording', () => {
  it('shows comments to the chief and the activity\'s staff, never the council; the report never has them', async () => {
    const staffId = refs.staff[2]!;
    const ev = await evaluation(await activity({ staffIds: [staffId] }));
    await answer(ev.publicToken, { rating: 8, comment: 'Hemlig kommentar om föreläsningen' }).expect(201);
    const chief = await t.http.get(`/api/v1/evaluations/${ev.id}/comments`).expect(200);
    expect(chief.body.items.map((c: { comment: string }) => c.comment)).toEqual(['Hemlig kommentar om föreläsningen']);
    await (await t.as('medarbetare', { staffId })).get(`/api/v1/evaluations/${ev.id}/comments`).expect(200);
    expect((await (await t.as('medarbetare')).get(`/api/v1/evaluations/${ev.id}/comments`)).status).toBe(403);
    const rad = await t.as('rad');
    expect((await rad.get(`/api/v1/evaluations/${ev.id}/comments`)).status).toBe(403);
    const report = await rad.get('/api/v1/reports/evaluations').expect(200);
    const csv = await rad.get('/api/v1/reports/evaluations').query({ output: 'csv' }).expect(200);
    const own = await rad.get(`/api/v1/evaluations/${ev.id}`).expect(200);
    for (const text of [report.text, csv.text, own.text]) expect(text).not.toContain('Hemlig kommentar');
    expect(own.body.canReadComments).toBe(false);
  });

  it('lets only the chief remove an answer, audited; answers cannot be edited', async () => {
    const ev = await evaluation(await activity());
    await answer(ev.publicToken, { rating: 1, comment: 'skräp skräp' }).expect(201);
    const answerId = (t.app.db.$client.prepare('select id from evaluation_answers where evaluation_id = ?').get(ev.id) as { id: number }).id;
    expect((await (await t.as('medarbetare')).delete(`/api/v1/evaluations/${ev.id}/answers/${answerId}`)).status).toBe(403);
    expect(() => t.app.db.$client.prepare('update evaluation_answers set rating = 10 where id = ?').run(answerId)).toThrow(/immutable/);
    await t.http.delete(`/api/v1/evaluations/${ev.id}/answers/${answerId}`).expect(204);
    expect((await t.http.delete(`/api/v1/evaluations/${ev.id}/answers/${answerId}`)).status).toBe(404);
    expect((await t.http.get(`/api/v1/evaluations/${ev.id}/count`)).body.answers).toBe(0);
    const audit = await t.http.get('/api/v1/audit').query({ entity: 'evaluation_answer', entityId: answerId }).expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'delete' });
  });

  it('lets the chief reword a standard question, which the public page then asks', async () => {
    const ev = await evaluation(await activity());
    expect((await (await t.as('medarbetare')).put('/api/v1/evaluation-wording').send({ items: [{ key: 'rating', text: 'Betyg?' }] })).status).toBe(403);
    await t.http.put('/api/v1/evaluation-wording').send({ items: [{ key: 'rating', text: 'Vilket betyg ger du frukostmötet?' }] }).expect(200);
    const page = await t.anon.get(`/api/v1/public/evaluations/${ev.publicToken}`).expect(200);
    expect(page.body.questions[0].text).toBe('Vilket betyg ger du frukostmötet?');
    const wording = await t.http.get('/api/v1/evaluation-wording').expect(200);
    expect(wording.body.items.find((i: { key: string }) => i.key === 'rating').isStandard).toBe(false);
  });

  it('draws the QR code as SVG and PNG for those who may change the evaluation', async () => {
    const ev = await evaluation(await activity());
    const svg = await t.http.get(`/api/v1/evaluations/${ev.id}/qr`).query({ format: 'svg' }).expect(200);
    expect(svg.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(String(svg.body ?? svg.text)).toContain('<svg');
    const png = await t.http.get(`/api/v1/evaluations/${ev.id}/qr`).query({ format: 'png' }).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect((png.body as Buffer).subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect((await (await t.as('rad')).get(`/api/v1/evaluations/${ev.id}/qr`)).status).toBe(403);
  });
});

describe('figures from another tool and the reports', () => {
  it('treats aggregates like answers, weighted by answers, and says which is which', async () => {
    const typeId = refs.types[1]!;
    const year = 2019;
    const a1 = await activity({ date: `${year}-03-01`, typeId, goalId: refs.goals.vp2018.spridning });
    const a2 = await activity({ date: `${year}-09-01`, typeId, goalId: refs.goals.vp2018.spridning });
    const aggregate = { answers: 40, ratingMean: 7.3, useful: { helt: null, hog: null, delvis: 47, inte: null }, usefulFullyOrHigh: 41, affects: { ja: 45, delvis: 41, nej: 14 }, affectsYesOrPartly: null };
    await evaluation(a1, { source: 'aggregate', aggregate, opensOn: `${year}-03-01`, closesOn: `${year}-03-10` });
    const ev2 = await evaluation(a2);
    const posted = [{ rating: 9, useful: 'helt', affects: 'ja' }, { rating: 8, useful: 'delvis', affects: 'nej' }];
    for (const p of posted) await answer(ev2.publicToken, p).expect(201);
    const r = await t.http.get('/api/v1/reports/evaluations').query({ year, groupBy: 'series' }).expect(200);
    const mine = r.body.events.filter((e: { activityId: number }) => [a1, a2].includes(e.activityId));
    expect(mine.map((e: { figures: { source: string } }) => e.figures.source)).toEqual(['aggregate', 'answers']);
    expect(mine[0].figures.affectsYesOrPartly).toBe(86);
    const typeName = mine[0].type as string;
    const series = r.body.groups.find((g: { key: string; year: number }) => g.key === typeName && g.year === year);
    // Weighted by answers: 40 at 7.3 and the two answers' own mean (8.5) with weight 2.
    expect(series.figures.answers).toBe(42);
    expect(series.figures.ratingMean).toBe(round1((7.3 * 40 + 8.5 * 2) / 42));
    // helt+hög: 41 % of 40, and 1 of 2 answers.
    expect(series.figures.usefulFullyOrHigh).toBe(round1((41 * 40 + 50 * 2) / 42));
    const csv = await t.http.get('/api/v1/reports/evaluations').query({ year, groupBy: 'series', output: 'csv' }).expect(200);
    expect(csv.text).toContain('Sammanställning från annat verktyg');
    expect(csv.text).toContain('Svar via länken');
    // The answered event's row carries its rating distribution: one 8 and one 9.
    const lines = csv.text.split(/\r?\n/);
    const header = lines.find((l) => l.includes('Betyg 1 (antal)'))!.split(';');
    const row = lines.find((l) => l.includes('Svar via länken') && l.includes(`${year}-09-01`))!.split(';');
    expect(row[header.indexOf('Betyg 8 (antal)')]).toBe('1');
    expect(row[header.indexOf('Betyg 9 (antal)')]).toBe('1');
    expect(row[header.indexOf('Betyg 10 (antal)')]).toBe('0');
    const xlsx = await t.http.get('/api/v1/reports/evaluations').query({ year, groupBy: 'goal', output: 'xlsx' }).expect(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
  });
});

describe('a locked year', () => {
  it('takes no more answers and no removals once the year\'s annual report is adopted', async () => {
    const ev = await evaluation(await activity({ date: '2020-05-05' }));
    await answer(ev.publicToken, { rating: 7 }).expect(201);
    const answerId = (t.app.db.$client.prepare('select id from evaluation_answers where evaluation_id = ?').get(ev.id) as { id: number }).id;
    await t.http.put('/api/v1/period-locks/2020').expect(200);
    expect((await answer(ev.publicToken, { rating: 3 }).expect(409)).body.code).toBe('closed');
    expect((await t.anon.get(`/api/v1/public/evaluations/${ev.publicToken}`).expect(200)).body.state).toBe('closed');
    expect((await t.http.delete(`/api/v1/evaluations/${ev.id}/answers/${answerId}`)).status).toBe(409);
    expect((await t.http.put(`/api/v1/evaluations/${ev.id}`).send({ ...openBody(), version: 1 })).status).toBe(409);
    expect((await t.http.get(`/api/v1/evaluations/${ev.id}/count`)).body.answers).toBe(1);
  });
});

describe('the log', () => {
  it('writes no line about a public answer, so the client\'s address is not logged either', async () => {
    const sink = new PassThrough();
    let out = '';
    sink.on('data', (d: Buffer) => (out += d.toString('utf8')));
    const logged = await makeTestApp({ logLevel: 'info', prettyLogs: false, logStream: sink, publicAnswerLimit: { max: 1000 } });
    try {
      const r = await loadRefs(logged, { staff: 1, assignments: 0 });
      const act = (await logged.http.post('/api/v1/activities').send(validBody(r)).expect(201)).body.id as number;
      const ev = (await logged.http.post(`/api/v1/activities/${act}/evaluation`).send(openBody()).expect(201)).body as { publicToken: string };
      out = '';
      await logged.anon.get(`/api/v1/public/evaluations/${ev.publicToken}`).expect(200);
      await logged.anon.post(`/api/v1/public/evaluations/${ev.publicToken}/answers`).send({ rating: 9 }).expect(201);
      await logged.anon.post(`/api/v1/public/evaluations/${ev.publicToken}/answers`).send({ rating: 99 }).expect(400);
      // A signed-in request is logged as before (the log works), with its address.
      await logged.http.get('/api/v1/reference').expect(200);
      await new Promise((done) => setImmediate(done));
      const lines = out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { req?: { url?: string }; msg?: string });
      expect(lines.some((l) => l.req?.url === '/api/v1/reference')).toBe(true);
      expect(out).not.toContain('/public/evaluations');
      expect(out).not.toContain(ev.publicToken);
    } finally {
      await logged.close();
    }
  });
});

describe('the rate limit', () => {
  it('answers 429 with Retry-After once an address has sent too many answers', async () => {
    const small = await makeTestApp({ publicAnswerLimit: { max: 3, windowMs: 60_000 } });
    try {
      const r = await loadRefs(small, { staff: 1, assignments: 0 });
      const act = (await small.http.post('/api/v1/activities').send(validBody(r)).expect(201)).body.id as number;
      const ev = (await small.http.post(`/api/v1/activities/${act}/evaluation`).send(openBody()).expect(201)).body as { publicToken: string };
      for (let i = 0; i < 3; i++) await small.anon.post(`/api/v1/public/evaluations/${ev.publicToken}/answers`).send({ rating: 5 }).expect(201);
      const res = await small.anon.post(`/api/v1/public/evaluations/${ev.publicToken}/answers`).send({ rating: 5 }).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  });
});

describe("the target-group question and the unit's register", () => {
  it('offers the register (renamed groups under their new names, added ones), accepts their keys and refuses a deactivated one', async () => {
    const groups = (await t.http.get('/api/v1/target-groups').expect(200)).body as { id: number; key: string | null; name: string }[];
    const politicians = groups.find((g) => g.key === 'politiker')!;
    await t.http.patch(`/api/v1/target-groups/${politicians.id}`).send({ name: 'Förtroendevalda' }).expect(200);
    const added = (await t.http.post('/api/v1/target-groups').send({ name: 'Skolpersonal' }).expect(201)).body as { id: number };
    try {
      const ev = await evaluation(await activity());
      const page = await t.anon.get(`/api/v1/public/evaluations/${ev.publicToken}`).expect(200);
      const options = page.body.questions.find((q: { key: string }) => q.key === 'targetGroup').options as { value: string; label: string }[];
      // Written out: the seven standard groups in the register's order, one renamed, then the added one.
      expect(options).toEqual([
        { value: 'ledning', label: 'Socialchefer och ledning' },
        { value: 'enhetschefer', label: 'Enhetschefer' },
        { value: 'medarbetare', label: 'Handläggare och medarbetare' },
        { value: 'politiker', label: 'Förtroendevalda' },
        { value: 'brukare', label: 'Brukare och anhöriga' },
        { value: 'forskare', label: 'Forskare' },
        { value: 'fou', label: 'Andra FoU-enheter' },
        { value: `grupp-${added.id}`, label: 'Skolpersonal' },
      ]);
      await answer(ev.publicToken, { rating: 8, targetGroup: `grupp-${added.id}` }).expect(201);
      await answer(ev.publicToken, { rating: 8, targetGroup: 'politiker' }).expect(201);
      await t.http.patch(`/api/v1/target-groups/${added.id}`).send({ active: false }).expect(200);
      const refused = await answer(ev.publicToken, { rating: 8, targetGroup: `grupp-${added.id}` }).expect(400);
      expect(refused.body.fields.map((f: { field: string }) => f.field)).toEqual(['targetGroup']);
      const after = await t.anon.get(`/api/v1/public/evaluations/${ev.publicToken}`).expect(200);
      expect(after.body.questions.find((q: { key: string }) => q.key === 'targetGroup').options.map((o: { value: string }) => o.value)).not.toContain(`grupp-${added.id}`);
    } finally {
      await t.http.patch(`/api/v1/target-groups/${politicians.id}`).send({ name: politicians.name }).expect(200);
    }
  });
});
