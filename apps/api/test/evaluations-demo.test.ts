/**
 * The demo's 2023 evaluations reproduce VB 2023's figures (shared/data/vb2023-evaluations.json): the expected
 * numbers are read from that file, and the figures are counted here from the stored answers with plain SQL, then
 * compared with what the API reports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

interface VbEvent {
  series: string; title: string; short?: string; year: number; registered?: number; rating_mean?: number;
  useful_agree_fully_or_high_pct?: number; useful_partly_pct?: number; affects_work_pct?: number; affects_work_yes_pct?: number; affects_work_partly_pct?: number;
}
// The shared reference data sits beside the checkout (a worktree one level deeper than the main checkout).
const vbFile = [path.resolve(repoRoot, '..', 'shared'), path.resolve(repoRoot, '..', '..', 'shared')]
  .map((dir) => path.join(dir, 'data', 'vb2023-evaluations.json')).find((f) => fs.existsSync(f)) ?? '';
// The figures as transcribed in the issue, used when the shared file is not beside the repository (CI).
const FALLBACK: VbEvent[] = [
  { series: 'FoU-frukost', title: 'Våldsbejakande extremism', year: 2023, registered: 130, rating_mean: 7.3, useful_agree_fully_or_high_pct: 41, useful_partly_pct: 47 },
  { series: 'FoU-frukost', title: 'Att förebygga hedersrelaterat våld och förtryck i förskolan', year: 2023, registered: 92, rating_mean: 8.0, useful_agree_fully_or_high_pct: 64, useful_partly_pct: 27 },
  { series: 'FoU-frukost', title: 'Skyddat boende-reformen', year: 2023, registered: 151, rating_mean: 7.7, useful_agree_fully_or_high_pct: 69, useful_partly_pct: 20 },
  { series: 'FoU Social Talks', title: 'Förebygga nyrekrytering (hybridseminarium)', year: 2023, affects_work_pct: 86, affects_work_yes_pct: 45, affects_work_partly_pct: 41 },
  { series: 'Konferens', title: 'ifous konferens om skolnärvaro', year: 2023, affects_work_pct: 73, affects_work_yes_pct: 14, affects_work_partly_pct: 60 },
  { series: 'Seminarium', title: 'Hembesöksprogrammet – seminarium', year: 2023, rating_mean: 8.6, useful_agree_fully_or_high_pct: 100, affects_work_pct: 100, affects_work_yes_pct: 73, affects_work_partly_pct: 27 },
];
const VB: VbEvent[] = vbFile ? (JSON.parse(fs.readFileSync(vbFile, 'utf8')) as { events: VbEvent[] }).events : FALLBACK;
/** A word of the VB title that the demo activity's title also has. */
const keyWord = (e: VbEvent) => ({ 'Hembesöksprogrammet – seminarium': 'Hembesöksprogrammet', 'ifous konferens om skolnärvaro': 'skolnärvaro' } as Record<string, string>)[e.title] ?? e.title;
const halfUp = (count: number, total: number) => Math.floor((200 * count + total) / (2 * total));

let t: TestApp;
beforeAll(async () => { t = await makeTestApp({ demo: true }); });
afterAll(async () => { await t.close(); });

describe('the demo\'s VB 2023 evaluations', () => {
  it('has an evaluation for each of VB 2023\'s events, in 2023', () => {
    expect(VB).toHaveLength(6);
    for (const e of VB) {
      const row = t.app.db.$client.prepare(`select a.year, ev.registered from evaluations ev join activities a on a.id = ev.activity_id where a.unit_id = ? and a.title like ?`).get(t.unitId, `%${keyWord(e)}%`) as { year: number; registered: number | null } | undefined;
      expect(row, e.title).toBeDefined();
      expect(row!.year).toBe(e.year);
      if (e.registered !== undefined) expect(row!.registered).toBe(e.registered);
    }
    // No event has more answers than people there, or more people there than registered.
    const odd = t.app.db.$client.prepare(`select a.title from evaluations ev join activities a on a.id = ev.activity_id
      where a.unit_id = ? and (ev.attending > ev.registered or (select count(*) from evaluation_answers x where x.evaluation_id = ev.id) > ev.attending)`).all(t.unitId);
    expect(odd).toEqual([]);
  });

  it('reproduces the published means and shares, counted from the stored answers', async () => {
    const report = (await t.http.get('/api/v1/reports/evaluations').query({ year: 2023 }).expect(200)).body as { events: { title: string; figures: Record<string, unknown> & { ratingMean: number | null; usefulFullyOrHigh: number | null; useful: Record<string, number | null>; affects: Record<string, number | null>; affectsYesOrPartly: number | null; source: string } }[] };
    for (const e of VB) {
      const api = report.events.find((x) => x.title.includes(keyWord(e)))!;
      expect(api, e.title).toBeDefined();
      const answers = t.app.db.$client.prepare(`select ans.rating, ans.useful, ans.affects from evaluation_answers ans join evaluations ev on ev.id = ans.evaluation_id join activities a on a.id = ev.activity_id where a.unit_id = ? and a.title like ?`).all(t.unitId, `%${keyWord(e)}%`) as { rating: number | null; useful: string | null; affects: string | null }[];
      if (api.figures.source === 'answers') {
        const ratings = answers.flatMap((a) => (a.rating === null ? [] : [a.rating]));
        const useful = answers.flatMap((a) => (a.useful === null ? [] : [a.useful]));
        const affects = answers.flatMap((a) => (a.affects === null ? [] : [a.affects]));
        if (e.rating_mean !== undefined) {
          const mean = ratings.reduce((x, y) => x + y, 0) / ratings.length;
          expect(Math.round(mean * 10) / 10, e.title).toBe(e.rating_mean);
          expect(api.figures.ratingMean).toBe(e.rating_mean);
        }
        if (e.useful_agree_fully_or_high_pct !== undefined) {
          expect(halfUp(useful.filter((u) => u === 'helt' || u === 'hog').length, useful.length), e.title).toBe(e.useful_agree_fully_or_high_pct);
          expect(Math.round(api.figures.usefulFullyOrHigh!)).toBe(e.useful_agree_fully_or_high_pct);
        }
        if (e.useful_partly_pct !== undefined) expect(halfUp(useful.filter((u) => u === 'delvis').length, useful.length), e.title).toBe(e.useful_partly_pct);
        if (e.affects_work_yes_pct !== undefined) {
          expect(halfUp(affects.filter((a) => a === 'ja').length, affects.length), e.title).toBe(e.affects_work_yes_pct);
          expect(halfUp(affects.filter((a) => a === 'delvis').length, affects.length), e.title).toBe(e.affects_work_partly_pct);
          expect(halfUp(affects.filter((a) => a !== 'nej').length, affects.length), e.title).toBe(e.affects_work_pct);
        }
        for (const r of ratings) expect(r >= 1 && r <= 10).toBe(true);
      } else {
        // Figures from another tool: no answers stored, the published shares as entered.
        expect(answers).toHaveLength(0);
        expect(api.figures.affects.ja).toBe(e.affects_work_yes_pct);
        expect(api.figures.affects.delvis).toBe(e.affects_work_partly_pct);
        expect(api.figures.affectsYesOrPartly).toBe(e.affects_work_pct);
      }
    }
  });

  it('puts the three FoU-frukostar side by side as one series', async () => {
    const r = await t.http.get('/api/v1/reports/evaluations').query({ year: 2023, groupBy: 'series' }).expect(200);
    const frukost = r.body.groups.find((g: { key: string }) => g.key === 'FoU-frukost');
    expect(frukost.figures.evaluations).toBe(VB.filter((e) => e.series === 'FoU-frukost').length);
    // Weighted by answers: each event's mean times its number of answers, counted here from the rows.
    const rows = t.app.db.$client.prepare(`select count(*) n, avg(x.rating) mean from evaluation_answers x join evaluations ev on ev.id = x.evaluation_id
      join activities a on a.id = ev.activity_id join activity_types ty on ty.id = a.type_id where a.unit_id = ? and a.year = 2023 and ty.name = 'FoU-frukost' group by ev.id`).all(t.unitId) as { n: number; mean: number }[];
    const round1 = (x: number) => Math.round(x * 10) / 10;
    const weighted = rows.reduce((s, r) => s + round1(r.mean) * r.n, 0) / rows.reduce((s, r) => s + r.n, 0);
    expect(frukost.figures.ratingMean).toBe(round1(weighted));
    expect(frukost.figures.answers).toBe(rows.reduce((s, r) => s + r.n, 0));
  });
});
