/**
 * The year's Word document: opened as the zip it is, word/document.xml read, its tables' numbers checked against
 * figures counted with plain SQL over the demo year's rows (half-up rounding written out here), its headings'
 * built-in styles, and its chart images' size.
 */
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../src/lib/chart-png.ts';
import { ANNUAL_REPORT_SECTIONS } from '../src/modules/annual-report/annual-report-docx.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
let zip: JSZip;
let xml: string;
let disposition: string;

const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};
const sql = <T>(q: string, ...p: unknown[]) => t.app.db.$client.prepare(q).all(...p) as T[];
const halfUp = (n: number, total: number) => Math.floor((100 * n) / total + 0.5);
const decode = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
/** A paragraph's or cell's text: its w:t runs joined. */
const textOf = (fragment: string) => decode([...fragment.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
/** Every table as rows of cell texts. */
const tables = () => [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((tb) => [...tb[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)]
  .map((tr) => [...(tr[1] ?? tr[2])!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) => textOf(tc[1]!))));
/** The paragraphs with a style, as [style, text]. */
const styled = () => [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].flatMap((p) => {
  const body = (p[1] ?? p[2])!;
  const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1];
  return style ? [[style, textOf(body)] as const] : [];
});

beforeAll(async () => {
  t = await makeTestApp({ demo: true });
  const res = await t.http.get('/api/v1/annual-report/2018').query({ output: 'docx' }).buffer(true).parse(binary).expect(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  disposition = res.headers['content-disposition'] as string;
  zip = await JSZip.loadAsync(res.body as Buffer);
  xml = await zip.file('word/document.xml')!.async('string');
}, 60_000);
afterAll(async () => { await t.close(); });

describe('GET /annual-report/:year?output=docx on the demo year', () => {
  it('is named in Swedish with an ASCII fallback and is built from the listed sections', () => {
    expect(disposition).toContain('filename="verksamhetsberattelse-2018.docx"');
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('verksamhetsberättelse-2018.docx')}`);
    expect(ANNUAL_REPORT_SECTIONS.map((s) => s.id)).toEqual(['titel', 'intern-uppfoljning', 'verksamhetsplanen', 'kommuner', 'agarkommuner', 'utvarderingar']);
  });

  it('has the section Intern uppföljning av VP and its tables under the built-in heading styles', () => {
    const headings = styled();
    expect(headings).toContainEqual(['Heading1', 'Intern uppföljning av VP']);
    expect(headings).toContainEqual(['Heading2', 'Verksamhetsområde']);
    expect(headings).toContainEqual(['Heading2', 'Resultatmål i VP2018']);
    expect(headings).toContainEqual(['Heading1', 'Kommunernas deltagande']);
  });

  it('has the area and goal tables as published: counts and half-up percents from SQL, a Totalt of 100 and the note on 101 %', () => {
    const [{ n }] = sql<{ n: number }>('SELECT count(*) AS n FROM activities WHERE unit_id = ? AND year = 2018', t.unitId) as [{ n: number }];
    const byGroup = sql<{ label: string; c: number }>(`SELECT coalesce(p.report_label, p.name) AS label, count(*) AS c FROM activities a JOIN areas x ON x.id = a.area_id
      JOIN areas p ON p.id = coalesce(x.parent_id, x.id) WHERE a.unit_id = ? AND a.year = 2018 GROUP BY p.id ORDER BY p.sort_order`, t.unitId);
    const byGoal = sql<{ name: string; c: number }>(`SELECT g.name AS name, count(*) AS c FROM activities a JOIN goals g ON g.id = a.goal_id
      WHERE a.unit_id = ? AND a.year = 2018 GROUP BY g.id ORDER BY g.sort_order`, t.unitId);
    const [areas, goals] = tables() as [string[][], string[][]];
    expect(areas[0]).toEqual(['Verksamhetsområde', 'Antal', 'Aktiviteter 2018']);
    expect(areas.slice(1, -1)).toEqual(byGroup.map((g) => [g.label, String(g.c), `${halfUp(g.c, n)} %`]));
    expect(areas.at(-1)).toEqual(['Totalt', String(n), '100 %']);
    expect(areas.slice(1, -1).map((r) => r[2])).toEqual(['42 %', '36 %', '22 %']);
    expect(goals[0]).toEqual(['Resultatmål i VP2018', 'Antal', 'Aktiviteter 2018']);
    expect(goals.slice(1, -1)).toEqual(byGoal.map((g) => [g.name, String(g.c), `${halfUp(g.c, n)} %`]));
    expect(goals.at(-1)).toEqual(['Totalt', String(n), '100 %']);
    expect(byGoal.reduce((s, g) => s + halfUp(g.c, n), 0)).toBe(101);
    expect(textOf(xml)).toContain('summerar därför till 101 %');
    // The report's wording for an area group, and where the register's name differs.
    expect(textOf(xml)).toContain('i registret heter området ”Barn, unga och familj”');
  });

  it('lists every plan item per result goal with status, outcome and its activities counted from SQL', () => {
    const items = sql<{ id: number; title: string; outcome: string | null }>('SELECT id, title, outcome FROM plan_items WHERE unit_id = ? AND year = 2018', t.unitId);
    expect(items.length).toBeGreaterThan(10);
    const h3 = styled().filter(([s]) => s === 'Heading3').map(([, text]) => text);
    expect(new Set(h3)).toEqual(new Set(items.map((i) => i.title)));
    const text = textOf(xml);
    const busiest = sql<{ id: number; c: number; p: number | null }>(`SELECT plan_item_id AS id, count(*) AS c, sum(participants) AS p FROM activities
      WHERE unit_id = ? AND year = 2018 AND plan_item_id IS NOT NULL GROUP BY plan_item_id ORDER BY c DESC LIMIT 1`, t.unitId)[0]!;
    const item = items.find((i) => i.id === busiest.id)!;
    const section = text.slice(text.indexOf(item.title));
    expect(section).toMatch(new RegExp(`^${item.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}Status: `));
    expect(section).toContain(`Aktiviteter: ${busiest.c} (`);
    if (busiest.p !== null) expect(section).toContain(`Deltagare: ${new Intl.NumberFormat('sv-SE').format(busiest.p).replace(/\u00a0/g, ' ')} (`);
    if (item.outcome) expect(section).toContain(`Utfall: ${item.outcome.split('\n')[0]}`);
  });

  it('has the municipalities table with counts from SQL', () => {
    const rows = sql<{ name: string; c: number }>(`SELECT m.name AS name, count(*) AS c FROM activities a JOIN activity_municipalities am ON am.activity_id = a.id
      JOIN municipalities m ON m.id = am.municipality_id WHERE a.unit_id = ? AND a.year = 2018 GROUP BY m.id ORDER BY m.sort_order`, t.unitId);
    const reach = tables().find((tb) => tb[0]?.[0] === 'Kommun' && tb[0]?.[1] === 'Antal aktiviteter')!;
    expect(reach[0]).toEqual(['Kommun', 'Antal aktiviteter', 'Procent av aktiviteterna']);
    expect(reach.slice(1, -1).map((r) => [r[0], r[1]])).toEqual(rows.map((r) => [r.name, String(r.c)]));
  });

  it('embeds the three charts as PNG images at print resolution (at least 1600 px wide)', async () => {
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/') && f.endsWith('.png'));
    expect(media.length).toBe(3);
    for (const f of media) expect(pngSize(await zip.file(f)!.async('nodebuffer')).width).toBeGreaterThanOrEqual(1600);
    expect((xml.match(/<w:drawing>/g) ?? []).length).toBe(3);
  });

  it("has the owners' value table: each owner's activities (own / shared / open) counted here with SQL", () => {
    expect(styled()).toContainEqual(['Heading1', 'Vad ägarkommunerna fick']);
    const owners = tables().find((tb) => tb[0]?.[0] === 'Kommun' && tb[0]?.[1] === 'Avgift (kr)')!;
    expect(owners[0]).toEqual(['Kommun', 'Avgift (kr)', 'Andel av avgifterna', 'Aktiviteter (egna / delade / öppna)', 'Andel av aktiviteterna', 'Kända deltagare', 'Andel av deltagarna', 'Planpunkter']);
    // The demo's 2018 owners are the unit's eight active municipalities; "open" = all eight on the activity.
    const municipalities = sql<{ id: number; name: string }>('SELECT id, name FROM municipalities WHERE unit_id = ? AND active = 1 ORDER BY sort_order', t.unitId);
    const links = sql<{ a: number; m: number }>(`SELECT a.id AS a, am.municipality_id AS m FROM activities a JOIN activity_municipalities am ON am.activity_id = a.id
      WHERE a.unit_id = ? AND a.year = 2018`, t.unitId);
    const byActivity = new Map<number, Set<number>>();
    for (const l of links) (byActivity.get(l.a) ?? byActivity.set(l.a, new Set()).get(l.a)!).add(l.m);
    const owner = new Set(municipalities.map((m) => m.id));
    const expected = municipalities.map((m) => {
      let own = 0, shared = 0, open = 0;
      for (const set of byActivity.values()) {
        if (!set.has(m.id)) continue;
        const owners = [...set].filter((x) => owner.has(x)).length;
        if (owners === 1) own += 1; else if (owners === owner.size) open += 1; else shared += 1;
      }
      return [m.name, `${own + shared + open} (${own} / ${shared} / ${open})`];
    });
    expect(owners.slice(1, -1).map((r) => [r[0], r[3]])).toEqual(expected);
    expect(owners.at(-1)![0]).toBe('Totalt');
  });

  it("has the year's event evaluations, their answers and mean ratings counted here with SQL (VB 2023 in the demo)", async () => {
    const res = await t.http.get('/api/v1/annual-report/2023').query({ output: 'docx' }).buffer(true).parse(binary).expect(200);
    const doc = await (await JSZip.loadAsync(res.body as Buffer)).file('word/document.xml')!.async('string');
    const docTables = [...doc.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((tb) => [...tb[1]!.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)]
      .map((tr) => [...tr[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) => textOf(tc[1]!))));
    const ev = docTables.find((tb) => tb[0]?.[0] === 'Evenemang')!;
    expect(ev[0]).toEqual(['Evenemang', 'Anmälda', 'Svar', 'Svarsfrekvens', 'Medelbetyg', 'Användbart: helt eller i hög grad', 'Påverkar arbetet: ja eller delvis']);
    const answered = sql<{ title: string; date: string; n: number; mean: number | null }>(`SELECT a.title AS title, a.date AS date, count(x.id) AS n, avg(x.rating) AS mean
      FROM evaluations e JOIN activities a ON a.id = e.activity_id LEFT JOIN evaluation_answers x ON x.evaluation_id = e.id
      WHERE e.unit_id = ? AND a.year = 2023 AND e.source = 'answers' GROUP BY e.id`, t.unitId);
    expect(answered.length).toBeGreaterThanOrEqual(3);
    for (const a of answered) {
      const row = ev.find((r) => r[0] === `${a.title} (${a.date})`);
      expect(row, a.title).toBeDefined();
      expect(row![2]).toBe(String(a.n));
      expect(row![4]).toBe(a.mean === null ? '–' : (Math.round(a.mean * 10) / 10).toFixed(1).replace('.', ','));
    }
    const aggregates = sql<{ title: string }>(`SELECT a.title AS title FROM evaluations e JOIN activities a ON a.id = e.activity_id WHERE e.unit_id = ? AND a.year = 2023 AND e.source = 'aggregate'`, t.unitId);
    for (const a of aggregates) expect(ev.some((r) => r[0]!.startsWith(a.title) && r[0]!.endsWith(' *'))).toBe(true);
  });
});
