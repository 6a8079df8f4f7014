import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/errors.ts';
import * as s from './reports.schemas.ts';
import * as svc from './reports.service.ts';
import { REPORT_WORDS, type ReportWords } from './report-words.ts';
import { attachment, sendTables, XLSX_TYPE, type ExportTable } from './report-export.ts';
import { chartSvg } from '../../lib/chart-svg.ts';
import { svgToPng } from '../../lib/chart-png.ts';
import { chartFileName, chartSpec } from './report-charts.ts';
import { PLAN_STATUS_LABELS, PLAN_STATUS_LABELS_EN } from '../plan/plan-export.ts';
import type { PlanStatus } from '../../db/schema.ts';
import type { Lang } from '../../lib/lang.ts';

const tags = ['reports'];
const config = { action: 'report:read' } as const;
const FILES = 'Svaret är JSON; med output=csv eller output=xlsx (eller Accept: text/csv respektive application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) kommer samma tabeller som bifogad fil (Content-Disposition: attachment).';

/** The 200 answer in its three forms: the JSON report, or its tables as a CSV or XLSX file. */
function ok<T extends z.ZodType>(json: T) {
  return {
    description: 'Rapporten som JSON, eller som fil (CSV eller XLSX) med output= eller Accept',
    content: {
      'application/json': { schema: json },
      'text/csv': { schema: z.string().meta({ description: 'CSV: UTF-8 med BOM, semikolon, decimalkomma, CRLF, en Totalt-rad' }) },
      [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary', description: 'Excel-arbetsbok: ett blad per tabell' }) },
    },
  };
}

/** "-2018", "-2018-01-01--2018-06-30" or nothing for all time. */
function periodSuffix(q: s.PeriodQuery & { lang: Lang }): string {
  const w = REPORT_WORDS[q.lang].fileNames;
  if (q.year !== undefined) return `-${q.year}`;
  if (q.from || q.to) return `-${q.from ?? w.start}--${q.to ?? w.end}`;
  return '';
}

/** The period in words for a file's title: "2018", "2018-01-01–2018-06-30" or "alla år" (in the file's language). */
function periodWords(q: s.PeriodQuery & { lang: Lang }): string {
  const w = REPORT_WORDS[q.lang].period;
  if (q.year !== undefined) return String(q.year);
  if (q.from || q.to) return `${q.from ?? w.start}–${q.to ?? w.today}`;
  return w.all;
}

/** A trend's years as the overview shows them: those with activities (all-zero columns would read as 0 %). */
function shownYears(r: s.Trend): number[] {
  const withData = r.years.filter((_, i) => (r.totals[i] ?? 0) > 0);
  return withData.length ? withData : r.years.slice(-1);
}

function distributionTable(r: s.Distribution, w: ReportWords): ExportTable {
  const dim = w.dimensions[r.dimension];
  return {
    id: r.dimension,
    title: w.distributionTitle(dim),
    columns: [{ header: dim, kind: 'text' }, { header: w.count, kind: 'count' }, { header: w.share, kind: 'share' }, { header: w.percent, kind: 'percent' }],
    // A note under multi-valued dimensions: their shares overlap.
    ...(r.note ? { note: r.note } : {}),
    rows: r.rows.map((x) => [x.label, x.count, x.share, x.percent]),
    total: [w.total, r.total, r.total > 0 ? 1 : 0, r.total > 0 ? 100 : 0],
  };
}

function crosstabTables(q: s.CrosstabQuery, r: s.Crosstab, w: ReportWords): ExportTable[] {
  const rows = w.dimensions[q.rows];
  const cols = w.dimensions[q.cols];
  const columns = [{ header: `${rows} / ${cols}`, kind: 'text' as const }, ...r.columns.map((c) => ({ header: c.label, kind: 'count' as const }))];
  const base = w.percentBase[r.percentBase];
  return [
    {
      id: w.countSheet, title: w.crosstabTitle(rows, cols),
      columns: [...columns, { header: w.total, kind: 'count' }],
      rows: r.rows.map((row, i) => [row.label, ...r.counts[i]!, r.rowTotals[i]!]),
      total: [w.total, ...r.columnTotals, r.grandTotal],
    },
    {
      id: base.sheet, title: base.title,
      columns: columns.map((c, j) => (j === 0 ? c : { ...c, kind: 'percent' as const })),
      rows: r.rows.map((row, i) => [row.label, ...r.percents[i]!]),
    },
  ];
}

function trendTables(q: s.TrendQuery, r: s.Trend, w: ReportWords): ExportTable[] {
  const years = shownYears(r);
  const at = years.map((y) => r.years.indexOf(y));
  const last = String(years.at(-1));
  const dim = w.dimensions[q.dimension];
  const columns = [{ header: dim, kind: 'text' as const }, ...years.map((y) => ({ header: String(y), kind: 'count' as const }))];
  const label = (x: s.Trend['series'][number]) => x.labels[last] ?? x.key;
  return [
    { id: w.countSheet, title: w.trendTitle(dim), columns, rows: r.series.map((x) => [label(x), ...at.map((i) => x.counts[i]!)]), total: [w.total, ...at.map((i) => r.totals[i]!)] },
    {
      id: w.percentSheet, title: w.trendPercentTitle,
      columns: columns.map((c, j) => (j === 0 ? c : { ...c, kind: 'percent' as const })),
      rows: r.series.map((x) => [label(x), ...at.map((i) => x.percents[i]!)]),
    },
  ];
}

function reachTable(r: s.Reach, w: ReportWords): ExportTable {
  const x = w.reach;
  return {
    id: x.sheet, title: x.title,
    columns: [{ header: x.municipality, kind: 'text' }, { header: x.activities, kind: 'count' }, { header: x.percent, kind: 'percent' }, { header: x.reached, kind: 'text' }],
    rows: r.municipalities.map((m) => [m.name, m.count, m.percent, m.reached ? x.yes : x.no]),
    total: [x.total, r.total, null, x.reachedOf(r.reachedCount, r.municipalityCount)],
  };
}

/** The annual report's tables as published: label, count, percent (no second percent column to disagree with). */
function vbTables(r: s.Vb, w: ReportWords): ExportTable[] {
  return r.tables.map((x) => ({
    id: w.vbSheet[x.id], title: `${x.title}: ${x.columnTitle.toLowerCase()}`,
    columns: [{ header: x.title, kind: 'text' }, { header: w.count, kind: 'count' }, { header: w.percent, kind: 'percent' }],
    rows: x.rows.map((row) => [row.label, row.count, row.percent]),
    total: [x.total.label, x.total.count, x.total.percent],
    ...(x.note ? { note: x.note } : {}),
  }));
}

const periodText = (p: { from: string | null; to: string | null; year: number | null }, w: ReportWords) => (p.year !== null ? String(p.year) : `${p.from ?? w.municipality.start} – ${p.to ?? w.municipality.end}`);

function municipalityTables(r: s.MunicipalityReport, lang: Lang): ExportTable[] {
  const w = REPORT_WORDS[lang];
  const x = w.municipality;
  const statusLabels = lang === 'en' ? PLAN_STATUS_LABELS_EN : PLAN_STATUS_LABELS;
  const prev = r.previous;
  const head = (label: string) => [{ header: label, kind: 'text' as const }, { header: periodText(r.period, w), kind: 'count' as const }, ...(prev && r.previousPeriod ? [{ header: periodText(r.previousPeriod, w), kind: 'count' as const }] : [])];
  const line = (label: string, now: number, before: number | undefined) => [label, now, ...(prev ? [before ?? null] : [])];
  const counts = (id: string, title: string, rows: { label: string; count: number }[]): ExportTable => ({
    id, title, columns: [{ header: title, kind: 'text' }, { header: x.countHeader, kind: 'count' }], rows: rows.map((row) => [row.label, row.count]),
  });
  const tables: ExportTable[] = [
    {
      id: 'aktiviteter', title: x.activitiesOf(r.municipality.name),
      columns: head(x.activities),
      rows: [
        line(x.own, r.activities.own, prev?.activities.own),
        line(x.shared, r.activities.shared, prev?.activities.shared),
        line(x.open, r.activities.open, prev?.activities.open),
      ],
      total: line(w.total, r.activities.total, prev?.activities.total),
    },
    {
      id: 'deltagare', title: x.participantsOf(r.municipality.name),
      columns: head(x.participants),
      rows: [
        line(x.known, r.participants.known, prev?.participants.known),
        line(x.inAll, r.participants.inAll, prev?.participants.inAll),
        line(x.withoutSplit, r.participants.activitiesWithoutSplit, prev?.participants.activitiesWithoutSplit),
        line(x.withoutCount, r.participants.activitiesWithoutCount, prev?.participants.activitiesWithoutCount),
      ],
    },
  ];
  if (r.fee) {
    tables.push({
      id: 'avgift', title: x.feeTitle(r.fee.year),
      columns: [{ header: x.item, kind: 'text' }, { header: x.value, kind: 'count' }, { header: w.share, kind: 'share' }],
      rows: [
        [x.feeSek, r.fee.feeSek, r.fee.feeShare],
        [x.population, r.fee.population, null],
        [x.allOwnersFee, r.fee.allOwnersFeeSek, null],
        [x.activityShare, null, r.fee.activityShare],
        [x.participantShare, null, r.fee.participantShare],
      ],
    });
  }
  tables.push(
    counts('resultatmal', x.goal, r.byGoal),
    counts('omrade', x.areaGroup, r.byAreaGroup),
    counts('typ', x.type, r.byType),
    counts('format', x.format, r.byFormat),
    counts('linje', x.line, r.byLine),
    { ...counts('malgrupp', x.targetGroup, r.byTargetGroup), total: [x.withoutTargetGroup, r.withoutTargetGroup] },
    {
      id: 'planpunkter', title: x.planItemsTitle,
      columns: [{ header: x.planItem, kind: 'text' }, { header: x.year, kind: 'count' }, { header: x.status, kind: 'text' }, { header: x.activities, kind: 'count' }],
      // The status in words, as the plan page says it (the JSON keeps the code).
      rows: r.planItems.map((p) => [p.title, p.year, statusLabels[p.status as PlanStatus] ?? p.status, p.activities]),
    },
    {
      id: 'uppdrag', title: x.assignments,
      columns: [{ header: x.assignments, kind: 'text' }, { header: x.lineHeader, kind: 'text' }, { header: x.activities, kind: 'count' }],
      rows: r.assignments.map((a) => [a.title, a.line ? x.lines[a.line] : null, a.activities]),
    },
    {
      id: 'lista', title: x.list,
      columns: [{ header: x.date, kind: 'text' }, { header: x.title, kind: 'text' }, { header: x.typeHeader, kind: 'text' }, { header: x.reachHeader, kind: 'text' }, { header: x.participants, kind: 'count' }, { header: x.fromMunicipality, kind: 'count' }, { header: x.staff, kind: 'text' }],
      rows: r.list.map((a) => [a.date, a.title, a.type, x.reach[a.reach], a.participants, a.participantsFromMunicipality, a.staff.join(', ')]),
    },
  );
  return tables;
}

function ownersTables(r: s.OwnersTable, w: ReportWords): ExportTable[] {
  const x = w.owners;
  const kinds = ['text', 'count', 'count', 'share', 'count', 'count', 'count', 'count', 'share', 'count', 'share', 'count'] as const;
  return [
    {
      id: 'agarkommuner', title: x.title(r.year),
      columns: x.headers.map((header, j) => ({ header, kind: kinds[j]! })),
      rows: r.owners.map((o) => [o.name, o.population, o.feeSek, o.feeShare, o.activities, o.own, o.shared, o.open, o.activityShare, o.participants, o.participantShare, o.planItems]),
      total: [w.total, null, r.totals.feeSek, r.totals.feeSek > 0 ? 1 : null, r.totals.withOwner, null, null, null, r.totals.withOwner > 0 ? 1 : null, r.totals.participants, r.totals.participants > 0 ? 1 : null, null],
    },
    {
      id: 'malgrupper', title: x.targetGroupsTitle(r.year),
      columns: [{ header: x.municipality, kind: 'text' }, ...r.targetGroups.map((g) => ({ header: g.name, kind: 'count' as const }))],
      rows: r.owners.map((o) => [o.name, ...o.targetGroups]),
    },
    {
      id: 'utan-uppgift', title: x.missingTitle,
      columns: [{ header: x.item, kind: 'text' }, { header: x.activities, kind: 'count' }],
      rows: [
        [x.yearActivities, r.totals.activities],
        [x.noOwner, r.totals.noOwnerMunicipality],
        [x.noMunicipality, r.totals.noMunicipalityGiven],
        [x.sharedWithoutSplit, r.totals.sharedWithoutSplit],
        [x.withoutTargetGroup, r.totals.withoutTargetGroup],
      ],
    },
  ];
}

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/reports/municipality/:code', {
    config,
    schema: {
      tags, summary: 'Vad en ägarkommun fick: aktiviteter (bara kommunen, några ägare, alla ägare), deltagare, planpunkter, uppdrag och avgift, jämfört med året före',
      description: `${s.OWNERS_DEFINITION} Deltagare från kommunen räknas där det är känt: hela antalet på kommunens egna aktiviteter, uppdelningens tal på delade; övriga redovisas som utan uppdelning. ${FILES}`,
      params: s.municipalityParams, querystring: s.municipalityReportQuery, response: { 200: ok(s.municipalityReport), ...errorResponses },
    },
  }, async (req, reply) => {
    const r = svc.municipalityReport(req.scope, req.params.code, req.query);
    const w = REPORT_WORDS[req.query.lang];
    return sendTables(reply, req, `${w.municipality.file}-${r.municipality.code}${periodSuffix(req.query)}`, municipalityTables(r, req.query.lang), r);
  });

  app.get('/reports/owners', {
    config,
    schema: {
      tags, summary: 'Ägarkommunernas värdetabell för ett år: avgift, andel av avgifterna, aktiviteter (egna, delade, öppna), deltagare och planpunkter sida vid sida',
      description: `${s.OWNERS_DEFINITION} Andel av aktiviteterna: en aktivitet med flera ägarkommuner delas lika mellan dem, så andelarna summerar till 100 %. ${FILES}`,
      querystring: s.ownersQuery, response: { 200: ok(s.ownersTable), ...errorResponses },
    },
  }, async (req, reply) => {
    const r = svc.ownersTable(req.scope, req.query.year, req.query.lang);
    const w = REPORT_WORDS[req.query.lang];
    return sendTables(reply, req, `${w.owners.file}-${req.query.year}`, ownersTables(r, w), r);
  });


  app.get('/reports/distribution', {
    config,
    schema: {
      tags, summary: 'Fördelning av aktiviteter över en dimension (alla värden, även de utan aktiviteter)',
      description: `Kommun och medarbetare är flervärda: en aktivitet räknas en gång per värde och andelarna summerar inte till 100 %. ${FILES}`,
      querystring: s.distributionQuery, response: { 200: ok(s.distribution), ...errorResponses },
    },
  }, async (req, reply) => {
    const r = svc.distributionReport(req.scope, req.query);
    const f = REPORT_WORDS[req.query.lang].fileNames;
    return sendTables(reply, req, `${f.distribution}-${f.dimensions[req.query.dimension]}${periodSuffix(req.query)}`, [distributionTable(r, REPORT_WORDS[req.query.lang])], r, svc.exportMeta(req.scope, periodWords(req.query)));
  });

  app.get('/reports/crosstab', {
    config,
    schema: {
      tags, summary: 'Korstabell över två envärda dimensioner', description: FILES,
      querystring: s.crosstabQuery, response: { 200: ok(s.crosstab), ...errorResponses },
    },
  }, async (req, reply) => {
    const r = svc.crosstabReport(req.scope, req.query);
    const f = REPORT_WORDS[req.query.lang].fileNames;
    return sendTables(reply, req, `${f.crosstab}-${f.dimensions[req.query.rows]}-${f.dimensions[req.query.cols]}${periodSuffix(req.query)}`, crosstabTables(req.query, r, REPORT_WORDS[req.query.lang]), r, svc.exportMeta(req.scope, periodWords(req.query)));
  });

  app.get('/reports/trend', {
    config,
    schema: {
      tags, summary: 'Utveckling år för år; mål matchas över ramverksbyten med sin nyckel och får varje års namn',
      description: FILES, querystring: s.trendQuery, response: { 200: ok(s.trend), ...errorResponses },
    },
  }, async (req, reply) => {
    const r = svc.trendReport(req.scope, req.query);
    const years = shownYears(r);
    const span = `${years[0]}-${years.at(-1)}`;
    const f = REPORT_WORDS[req.query.lang].fileNames;
    return sendTables(reply, req, `${f.trend}-${f.dimensions[req.query.dimension]}-${span}`, trendTables(req.query, r, REPORT_WORDS[req.query.lang]), r, svc.exportMeta(req.scope, span.replace('-', '–')));
  });

  app.get('/reports/reach', {
    config,
    schema: {
      tags, summary: 'Vilka kommuner aktiviteterna nådde, och vilka de inte nådde', description: FILES,
      querystring: s.reachQuery, response: { 200: ok(s.reach), ...errorResponses },
    },
  }, async (req, reply) => {
    const r = svc.reachReport(req.scope, req.query);
    return sendTables(reply, req, `${REPORT_WORDS[req.query.lang].fileNames.reach}${periodSuffix(req.query)}`, [reachTable(r, REPORT_WORDS[req.query.lang])], r, svc.exportMeta(req.scope, periodWords(req.query)));
  });

  app.get('/reports/vb/:year', {
    config,
    schema: {
      tags, summary: 'Verksamhetsberättelsens två tabeller: verksamhetsområde och resultatmål', description: FILES,
      params: s.vbParams, querystring: s.vbQuery, response: { 200: ok(s.vb), ...errorResponses },
    },
  }, async (req, reply) => {
    const r = svc.vbReport(req.scope, req.params.year, req.query);
    const f = REPORT_WORDS[req.query.lang].fileNames;
    const part = req.query.table ? `-${f.vbTables[req.query.table]}` : '';
    return sendTables(reply, req, `${f.vb}-${req.params.year}${part}`, vbTables(r, REPORT_WORDS[req.query.lang]), r, svc.exportMeta(req.scope, String(req.params.year)));
  });

  app.get('/reports/charts/:chart', {
    config,
    schema: {
      tags,
      summary: 'Ett av översiktens diagram som bild för tryck: titel, år, n och värden på staplarna',
      description: 'Ritas på servern ur samma rapporter som tabellerna; samma bilder används i Word-dokumentet. PNG är 2000 px bred. Rubriker, n, serier och filnamn på lang (sv som standard).',
      params: s.chartParams, querystring: s.chartQuery,
      response: {
        200: {
          description: 'Diagrammet som bifogad fil',
          content: {
            'image/png': { schema: z.string().meta({ format: 'binary' }) },
            'image/svg+xml': { schema: z.string() },
          },
        },
        ...errorResponses,
      },
    },
  }, async (req, reply) => {
    const svg = chartSvg(chartSpec(req.scope, req.params.chart, req.query));
    const name = chartFileName(req.params.chart, req.query);
    if (req.query.format === 'svg') return attachment(reply, name, 'image/svg+xml; charset=utf-8').send(svg);
    return attachment(reply, name, 'image/png').send(await svgToPng(svg));
  });

  app.get('/reports/years', {
    config,
    schema: {
      tags,
      summary: 'De år som har aktiviteter eller planpunkter, nyast först, med antal av vardera',
      description: 'Översikten och verksamhetsplanen väljer med den här listan vilket år de öppnar på.',
      response: { 200: s.years, ...errorResponses },
    },
  }, async (req) => svc.yearsWithData(req.scope));
};
