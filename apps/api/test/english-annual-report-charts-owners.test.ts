/**
 * The last Swedish-only outputs in English (lang=en, issue #18): the Word annual report and its print view's JSON,
 * the chart images, the municipality report, the owners' table and the regional comparison. Expected words are
 * written out here (the seed's English names, the English headings as a reader should see them), never read from
 * REPORT_WORDS; counts come from the four activities this test posts. Without lang each stays Swedish.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as s from '../src/db/schema.ts';
import { loadRefs, validBody, type Refs } from './helpers/fixtures.ts';
import { makeTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
let r: Refs;
// Solna only, all in 2018: three in Barn, unga och familj, one in Berör hela IFO; one reached Politiker.
const SPECS = [
  { date: '2018-02-01', area: 'bou', goal: 'spridning', format: 'fysiskt', politicians: true },
  { date: '2018-03-01', area: 'bou', goal: 'spridning', format: 'digitalt', politicians: false },
  { date: '2018-04-01', area: 'bou', goal: 'samverkan', format: 'fysiskt', politicians: false },
  { date: '2018-05-01', area: 'ifo', goal: 'spridning', format: 'hybrid', politicians: false },
] as const;

const binary = (res: unknown, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};
/** The CSV's rows (semicolon-separated; no cell in these files holds ; or "). */
const csvRows = (text: string) => text.replace(/^\uFEFF/, '').replace(/\r\n$/, '').split('\r\n').map((l) => l.split(';'));
const fileName = (res: { headers: Record<string, unknown> }) => decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(String(res.headers['content-disposition']))![1]!);
const decode = (x: string) => x.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
/** Every paragraph's text (its w:t runs joined), and the images' alt texts. */
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)].map((p) => decode([...p[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
const altTexts = (xml: string) => [...xml.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => decode(m[1]!));

async function docx(lang?: string) {
  const res = await t.http.get('/api/v1/annual-report/2018').query({ output: 'docx', ...(lang ? { lang } : {}) }).buffer(true).parse(binary).expect(200);
  const xml = await (await JSZip.loadAsync(res.body as Buffer)).file('word/document.xml')!.async('string');
  return { name: fileName(res), texts: paragraphs(xml), alts: altTexts(xml) };
}

beforeAll(async () => {
  t = await makeTestApp();
  r = await loadRefs(t);
  const targetGroups = (await t.http.get('/api/v1/target-groups').expect(200)).body as { id: number; key: string | null }[];
  const politicians = targetGroups.find((g) => g.key === 'politiker')!.id;
  for (const x of SPECS) {
    await t.http.post('/api/v1/activities').send(validBody(r, {
      date: x.date, title: `Träff ${x.date}`, areaId: r.areas[x.area], goalId: r.goals.vp2018[x.goal], format: x.format,
      ...(x.politicians ? { targetGroupIds: [politicians] } : {}),
    })).expect(201);
  }
  await t.http.post('/api/v1/plan-items').send({
    year: 2018, title: 'BBIC-samordning', goalId: r.goals.vp2018.spridning, areaId: r.areas.missbruk, planned: ['Nätverksträffar'], targetCount: 4, staffIds: [r.staff[0]],
  }).expect(201);
}, 60_000);
afterAll(async () => { await t.close(); });

describe('the Word annual report in English', () => {
  it('has English headings, table headers, reference names, chart texts and file name, and none of the Swedish ones', async () => {
    const { name, texts, alts } = await docx('en');
    expect(name).toBe('annual-report-2018.docx');
    for (const heading of [
      'Annual report 2018', 'Internal follow-up of the plan', 'Activity area', 'Result goals in VP2018', 'The annual plan’s items 2018',
      'Support for spreading knowledge', 'The municipalities’ participation', 'What the owner municipalities got', 'Evaluations of events',
    ]) expect(texts).toContain(heading);
    // The area table: header, an area by its English name, the total.
    expect(texts).toEqual(expect.arrayContaining(['Count', 'Activities 2018', 'Children, young people and families', 'Total', 'Municipality', 'Percent of the activities', 'Activities in total']));
    expect(texts).toContain('Status: Planned');
    expect(texts).toContain('Area: Substance misuse');
    expect(texts.some((x) => x.startsWith('The follow-up for 2018 shows that the unit’s staff carried out and took part in 4 activities'))).toBe(true);
    // The embedded charts follow the document's language.
    expect(alts).toContain('Activity area, 2018 · n = 4 activities · percent of the year’s activities');
    expect(alts.some((x) => x.startsWith('The municipalities’ participation (number of activities), 2018 · n = 4 activities'))).toBe(true);
    for (const swedish of ['Verksamhetsberättelse 2018', 'Intern uppföljning av VP', 'Verksamhetsområde', 'Resultatmål i VP2018', 'Kommunernas deltagande', 'Vad ägarkommunerna fick', 'Utvärderingar av evenemang', 'Totalt', 'Antal', 'Barn, ungdom & familj', 'Status: Planerad', 'Område: Missbruk']) {
      expect(texts, swedish).not.toContain(swedish);
    }
    expect(alts.join(' ')).not.toContain('aktiviteter');
  });

  it('stays Swedish without lang and with lang=sv', async () => {
    for (const lang of [undefined, 'sv']) {
      const { name, texts, alts } = await docx(lang);
      expect(name).toBe('verksamhetsberättelse-2018.docx');
      expect(texts).toEqual(expect.arrayContaining(['Verksamhetsberättelse 2018', 'Intern uppföljning av VP', 'Verksamhetsområde', 'Barn, ungdom & familj', 'Totalt', 'Kommunernas deltagande', 'Status: Planerad']));
      expect(texts).not.toContain('Internal follow-up of the plan');
      expect(alts).toContain('Verksamhetsområde, 2018 · n = 4 aktiviteter · procent av årets aktiviteter');
    }
  });

  it('refuses a language it does not have, naming the field', async () => {
    const { body } = await t.http.get('/api/v1/annual-report/2018').query({ output: 'docx', lang: 'de' }).expect(400);
    expect(body.fields).toEqual([expect.objectContaining({ field: 'lang', in: 'querystring', code: 'invalid_value' })]);
  });
});

describe('the print view’s JSON in English', () => {
  it('says its language and has the tables, the plan’s goals, areas and types by their English names', async () => {
    const { body } = await t.http.get('/api/v1/annual-report/2018').query({ lang: 'en' }).expect(200);
    expect(body.lang).toBe('en');
    const [areas] = body.vb.tables;
    expect(areas).toMatchObject({ title: 'Activity area', columnTitle: 'Activities 2018', total: { label: 'Total', count: 4 } });
    expect(areas.rows.map((x: { label: string }) => x.label)).toEqual(['All of individual and family care', 'Children, young people and families', 'Adults']);
    expect(body.plan.goals.map((g: { name: string }) => g.name)).toContain('Support for spreading knowledge');
    expect(body.plan.items[0]).toMatchObject({ title: 'BBIC-samordning', goal: { name: 'Support for spreading knowledge' }, area: { name: 'Substance misuse', groupName: 'Adults' } });
    expect(body.plan.areaGroups.map((g: { name: string }) => g.name)).toContain('Adults');
  });

  it('is Swedish by default', async () => {
    const { body } = await t.http.get('/api/v1/annual-report/2018').expect(200);
    expect(body.lang).toBe('sv');
    expect(body.vb.tables[0]).toMatchObject({ title: 'Verksamhetsområde', columnTitle: 'Aktiviteter 2018', total: { label: 'Totalt' } });
    expect(body.plan.items[0]).toMatchObject({ goal: { name: 'Stöd till kunskapsspridning' }, area: { name: 'Missbruk', groupName: 'Vuxen' } });
  });

  it('refuses a language it does not have, naming the field', async () => {
    const { body } = await t.http.get('/api/v1/annual-report/2018').query({ lang: 'fr' }).expect(400);
    expect(body.fields).toEqual([expect.objectContaining({ field: 'lang', in: 'querystring', code: 'invalid_value' })]);
  });
});

describe('the chart images in English', () => {
  const svg = async (chart: string, lang?: string) => {
    const res = await t.http.get(`/api/v1/reports/charts/${chart}`).query({ year: 2018, format: 'svg', ...(lang ? { lang } : {}) }).buffer(true).parse(binary).expect(200);
    return { name: fileName(res), text: decode((res.body as Buffer).toString('utf8')) };
  };

  it('titles, n, categories, legends and file names in English', async () => {
    const area = await svg('verksamhetsomrade', 'en');
    expect(area.name).toBe('chart-activity-area-2018.svg');
    expect(area.text).toContain('<title>Activity area</title>');
    expect(area.text).toContain('2018 · n = 4 activities · percent of the year’s activities');
    // Long labels wrap onto two lines: the short ones are checked whole.
    expect(area.text).toContain('>All of individual and family care</text>');
    expect(area.text).toContain('>Adults</text>');
    const crosstab = await svg('mal-per-omrade', 'en');
    expect(crosstab.name).toBe('chart-goals-by-area-2018.svg');
    expect(crosstab.text).toContain('<title>Result goals by activity area (number of activities)</title>');
    // The legend names the area groups, the bars the goals (wrapped where long).
    expect(crosstab.text).toContain('>Adults</text>');
    expect(crosstab.text).toContain('spreading knowledge</text>');
    const munis = await svg('kommuner', 'en');
    expect(munis.name).toBe('chart-municipalities-2018.svg');
    expect(munis.text).toContain('<title>The municipalities’ participation (number of activities)</title>');
    expect(munis.text).toContain('An activity counts for each municipality that took part in it');
    const trend = await svg('trend', 'en');
    expect(trend.text).toContain('<title>Result goals over the years (percent of the year’s activities)</title>');
    for (const x of [area, crosstab, munis, trend]) expect(x.text).not.toContain('aktiviteter');
  });

  it('stays Swedish without lang', async () => {
    const area = await svg('verksamhetsomrade');
    expect(area.name).toBe('diagram-verksamhetsområde-2018.svg');
    expect(area.text).toContain('2018 · n = 4 aktiviteter · procent av årets aktiviteter');
    expect(area.text).toContain('>Barn, ungdom & familj</text>');
    expect(area.text).toContain('>Berör hela IFO</text>');
    expect((await svg('kommuner', 'sv')).text).toContain('<title>Kommunernas deltagande (antal aktiviteter)</title>');
  });

  it('refuses a language it does not have, naming the field', async () => {
    const { body } = await t.http.get('/api/v1/reports/charts/trend').query({ year: 2018, lang: 'english' }).expect(400);
    expect(body.fields).toEqual([expect.objectContaining({ field: 'lang', in: 'querystring', code: 'invalid_value' })]);
  });
});

describe('the municipality report in English', () => {
  it('has the reference names in English in the JSON', async () => {
    const { body } = await t.http.get('/api/v1/reports/municipality/solna').query({ year: 2018, lang: 'en' }).expect(200);
    expect(body.byAreaGroup.map((x: { label: string; count: number }) => [x.label, x.count])).toEqual([
      ['All of individual and family care', 1], ['Children, young people and families', 3], ['Adults', 0],
    ]);
    expect(body.byFormat.map((x: { label: string; count: number }) => [x.label, x.count])).toEqual([['In person', 2], ['Online', 1], ['Hybrid', 1]]);
    expect(body.byTargetGroup).toContainEqual(expect.objectContaining({ label: 'Politicians', count: 1 }));
    expect(body.list.map((x: { type: string }) => x.type)).toEqual(['Seminar', 'Seminar', 'Seminar', 'Seminar']);
    expect(body.ownersDefinition).toMatch(/^All owners = every owner municipality that year/);
  });

  it('writes English headings, titles and names in the CSV, under an English file name', async () => {
    const res = await t.http.get('/api/v1/reports/municipality/solna').query({ year: 2018, lang: 'en', output: 'csv' }).expect(200);
    expect(fileName(res)).toBe('municipality-solna-2018.csv');
    const rows = csvRows(res.text);
    expect(rows).toContainEqual(['Solna: activities']);
    expect(rows).toContainEqual(['Activities', '2018', '2017']);
    expect(rows).toContainEqual(['Only the municipality', '4', '0']);
    expect(rows).toContainEqual(['Total', '4', '0']);
    expect(rows).toContainEqual(['Activity area', 'Activities']);
    expect(rows).toContainEqual(['Children, young people and families', '3']);
    expect(rows).toContainEqual(['Politicians', '1']);
    expect(rows).toContainEqual(['No target group given', '3']);
    expect(rows).toContainEqual(['Date', 'Title', 'Type', 'For', 'Participants', 'From the municipality', 'Staff']);
    expect(rows.find((x) => x[0] === '2018-02-01')!.slice(2, 4)).toEqual(['Seminar', 'Only the municipality']);
    expect(res.text).not.toMatch(/Bara kommunen|Totalt|Verksamhetsområde|Antal aktiviteter/);
  });

  it('stays Swedish without lang', async () => {
    const res = await t.http.get('/api/v1/reports/municipality/solna').query({ year: 2018, output: 'csv' }).expect(200);
    expect(fileName(res)).toBe('kommun-solna-2018.csv');
    const rows = csvRows(res.text);
    expect(rows).toContainEqual(['Aktiviteter', '2018', '2017']);
    expect(rows).toContainEqual(['Bara kommunen', '4', '0']);
    expect(rows).toContainEqual(['Verksamhetsområde', 'Antal aktiviteter']);
    expect(rows).toContainEqual(['Barn, ungdom & familj', '3']);
    expect(rows).toContainEqual(['Politiker', '1']);
  });

  it('refuses a language it does not have, naming the field', async () => {
    const { body } = await t.http.get('/api/v1/reports/municipality/solna').query({ year: 2018, lang: 'SV' }).expect(400);
    expect(body.fields).toEqual([expect.objectContaining({ field: 'lang', in: 'querystring', code: 'invalid_value' })]);
  });
});

describe('the owners’ table in English', () => {
  const EN_HEADERS = ['Municipality', 'Population', 'Fee (SEK)', 'Share of the fees', 'Activities', 'Only the municipality', 'Some owners', 'All owners', 'Share of the activities', 'Known participants', 'Share of the participants', 'Plan items with activity'];

  it('has the target groups by their English names in the JSON', async () => {
    const { body } = await t.http.get('/api/v1/reports/owners').query({ year: 2018, lang: 'en' }).expect(200);
    expect(body.targetGroups.map((g: { name: string }) => g.name)).toContain('Politicians');
    expect(body.targetGroups.map((g: { name: string }) => g.name)).toContain('Unit managers');
    expect(body.ownersDefinition).toMatch(/^All owners = /);
  });

  it('writes English headings and titles in the CSV, under an English file name', async () => {
    const res = await t.http.get('/api/v1/reports/owners').query({ year: 2018, lang: 'en', output: 'csv' }).expect(200);
    expect(fileName(res)).toBe('owner-municipalities-2018.csv');
    const rows = csvRows(res.text);
    expect(rows).toContainEqual(EN_HEADERS);
    expect(rows.find((x) => x[0] === 'Solna')!.slice(4, 8)).toEqual(['4', '4', '0', '0']);
    expect(rows.find((x) => x[0] === 'Total')![4]).toBe('4');
    expect(rows.find((x) => x[0] === 'Municipality' && x.includes('Politicians'))).toBeDefined();
    expect(rows).toContainEqual(['Activities with missing information']);
    expect(rows).toContainEqual(['The year’s activities', '4']);
    expect(rows).toContainEqual(['No target group given', '3']);
    // Shares as the English CSV exports already write them: two decimals with a decimal comma (Solna has all 4).
    expect(rows.find((x) => x[0] === 'Solna')![8]).toBe('1,00');
  });

  it('stays Swedish without lang', async () => {
    const res = await t.http.get('/api/v1/reports/owners').query({ year: 2018, output: 'csv' }).expect(200);
    expect(fileName(res)).toBe('agarkommuner-2018.csv');
    const rows = csvRows(res.text);
    expect(rows).toContainEqual(['Kommun', 'Befolkning', 'Avgift (kr)', 'Andel av avgifterna', 'Aktiviteter', 'Bara kommunen', 'Några ägare', 'Alla ägare', 'Andel av aktiviteterna', 'Kända deltagare', 'Andel av deltagarna', 'Planpunkter med aktivitet']);
    expect(rows.find((x) => x[0] === 'Kommun' && x.includes('Politiker'))).toBeDefined();
  });

  it('refuses a language it does not have, naming the field', async () => {
    const { body } = await t.http.get('/api/v1/reports/owners').query({ year: 2018, lang: 'no' }).expect(400);
    expect(body.fields).toEqual([expect.objectContaining({ field: 'lang', in: 'querystring', code: 'invalid_value' })]);
  });
});

describe('an English workbook’s title row and page footer', () => {
  const workbook = async (path: string, query: Record<string, string>) => {
    const res = await t.http.get(path).query({ ...query, output: 'xlsx' }).buffer(true).parse(binary).expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    return wb.worksheets[0]!;
  };

  it('names the period and the pages in English, and in Swedish without lang', async () => {
    const en = await workbook('/api/v1/reports/distribution', { dimension: 'format', lang: 'en' });
    expect(en.getCell(1, 1).value).toBe('Distribution by delivery – FoU Nordväst, all years');
    expect(en.headerFooter.oddFooter).toBe('&RPage &P of &N');
    const plan = await workbook('/api/v1/plan-followup', { year: '2018', asOf: '2018-12-31', lang: 'en' });
    expect(plan.getCell(1, 1).value).toBe('Plan follow-up 2018 up to 2018-12-31 – FoU Nordväst, 2018 up to 2018-12-31');
    const owners = await workbook('/api/v1/reports/owners', { year: '2018', lang: 'en' });
    expect(owners.headerFooter.oddFooter).toBe('&RPage &P of &N');
    const sv = await workbook('/api/v1/reports/distribution', { dimension: 'format' });
    expect(sv.getCell(1, 1).value).toBe('Fördelning per genomförande – FoU Nordväst, alla år');
    expect(sv.headerFooter.oddFooter).toBe('&RSida &P av &N');
  });
});

describe('the older reports’ file names in English', () => {
  it('name each file in the language of its headings, and in Swedish without lang', async () => {
    const name = async (path: string, query: Record<string, string>) => fileName(await t.http.get(path).query({ ...query, output: 'csv' }).expect(200));
    expect(await name('/api/v1/reports/distribution', { dimension: 'format', year: '2018', lang: 'en' })).toBe('distribution-delivery-2018.csv');
    expect(await name('/api/v1/reports/crosstab', { rows: 'goal', cols: 'areaGroup', from: '2018-01-01', lang: 'en' })).toBe('crosstab-goal-area-2018-01-01--end.csv');
    expect(await name('/api/v1/reports/trend', { dimension: 'goal', fromYear: '2018', toYear: '2018', lang: 'en' })).toBe('trend-goal-2018-2018.csv');
    expect(await name('/api/v1/reports/reach', { year: '2018', lang: 'en' })).toBe('reach-2018.csv');
    expect(await name('/api/v1/reports/vb/2018', { table: 'resultatmal', lang: 'en' })).toBe('annual-report-tables-2018-result-goals.csv');
    expect(await name('/api/v1/plan-followup', { year: '2018', asOf: '2018-12-31', lang: 'en' })).toBe('plan-follow-up-2018.csv');
    expect(await name('/api/v1/activities/export', { from: '2018-01-01', lang: 'en' })).toBe('activities-2018-01-01--end.csv');
    expect(await name('/api/v1/reports/distribution', { dimension: 'format', year: '2018' })).toBe('fördelning-format-2018.csv');
    expect(await name('/api/v1/reports/crosstab', { rows: 'goal', cols: 'areaGroup', from: '2018-01-01' })).toBe('korstabell-mål-område-2018-01-01--slut.csv');
    expect(await name('/api/v1/reports/vb/2018', { table: 'resultatmal' })).toBe('vb-2018-resultatmål.csv');
    expect(await name('/api/v1/activities/export', { from: '2018-01-01' })).toBe('aktiviteter-2018-01-01--slut.csv');
  });
});

describe('the regional comparison in English', () => {
  const comparison = async (query: Record<string, string>, status = 200) => {
    t.app.db.update(s.units).set({ sharesComparison: true }).where(eq(s.units.id, t.unitId)).run();
    const region = await t.asInstall('region', { county: 'Stockholms län' });
    return region.get('/api/v1/region/comparison').query({ from: '2018', to: '2018', ...query }).expect(status);
  };

  it('names the goals and area groups in English and writes English headings under an English file name', async () => {
    const { body } = await comparison({ lang: 'en' });
    expect(body.areaGroups.map((g: { name: string }) => g.name)).toEqual(expect.arrayContaining(['All of individual and family care', 'Children, young people and families']));
    expect(body.goals.map((g: { name: string }) => g.name)).toEqual(expect.arrayContaining(['Support for spreading knowledge']));
    const res = await comparison({ lang: 'en', output: 'csv' });
    expect(fileName(res)).toBe('regional-comparison-2018-2018.csv');
    const rows = csvRows(res.text);
    expect(rows).toContainEqual(['Activities by unit and year']);
    expect(rows).toContainEqual(['Unit', '2018']);
    const goals = rows.find((x) => x[0] === 'Unit' && x[1] === 'Year' && x.includes('Support for spreading knowledge (count)'))!;
    expect(goals.slice(0, 3)).toEqual(['Unit', 'Year', 'Activities']);
    expect(goals).toContain('Support for spreading knowledge (%)');
    expect(rows).toContainEqual(['Unit', 'Year', 'Participants', 'Activities with a participant count', 'Activities']);
    expect(res.text).not.toMatch(/Enhet|Aktiviteter per enhet|Deltagare/);
  });

  it('stays Swedish without lang', async () => {
    const res = await comparison({ output: 'csv' });
    expect(fileName(res)).toBe('regional-jamforelse-2018-2018.csv');
    const rows = csvRows(res.text);
    expect(rows).toContainEqual(['Aktiviteter per enhet och år']);
    expect(rows.find((x) => x[0] === 'Enhet' && x.includes('Stöd till kunskapsspridning (antal)'))).toBeDefined();
  });

  it('refuses a language it does not have, naming the field', async () => {
    const { body } = await comparison({ lang: 'fi' }, 400);
    expect(body.fields).toEqual([expect.objectContaining({ field: 'lang', in: 'querystring', code: 'invalid_value' })]);
  });
});
