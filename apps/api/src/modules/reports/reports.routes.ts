import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/errors.ts';
import * as s from './reports.schemas.ts';
import * as svc from './reports.service.ts';
import { sendTables, XLSX_TYPE, type ExportTable } from './report-export.ts';

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

const DIMENSION_TITLES: Record<s.Dimension, string> = {
  goal: 'Resultatmål', areaGroup: 'Verksamhetsområde', area: 'Område', type: 'Aktivitetstyp', format: 'Format',
  line: 'Linje', staff: 'Medarbetare', municipality: 'Kommun', assignment: 'Uppdrag',
};

/** "-2018", "-2018-01-01--2018-06-30" or nothing for all time. */
function periodSuffix(q: s.PeriodQuery): string {
  if (q.year !== undefined) return `-${q.year}`;
  if (q.from || q.to) return `-${q.from ?? 'start'}--${q.to ?? 'slut'}`;
  return '';
}

function distributionTable(r: s.Distribution): ExportTable {
  return {
    id: r.dimension,
    title: `Fördelning per ${DIMENSION_TITLES[r.dimension].toLowerCase()}`,
    columns: [{ header: DIMENSION_TITLES[r.dimension], kind: 'text' }, { header: 'Antal', kind: 'count' }, { header: 'Andel', kind: 'share' }, { header: 'Procent', kind: 'percent' }],
    rows: r.rows.map((x) => [x.label, x.count, x.share, x.percent]),
    total: ['Totalt', r.total, r.total > 0 ? 1 : 0, r.total > 0 ? 100 : 0],
  };
}

function crosstabTables(q: s.CrosstabQuery, r: s.Crosstab): ExportTable[] {
  const columns = [{ header: `${DIMENSION_TITLES[q.rows]} / ${DIMENSION_TITLES[q.cols]}`, kind: 'text' as const }, ...r.columns.map((c) => ({ header: c.label, kind: 'count' as const }))];
  return [
    {
      id: 'antal', title: `Antal aktiviteter per ${DIMENSION_TITLES[q.rows].toLowerCase()} och ${DIMENSION_TITLES[q.cols].toLowerCase()}`,
      columns: [...columns, { header: 'Totalt', kind: 'count' }],
      rows: r.rows.map((row, i) => [row.label, ...r.counts[i]!, r.rowTotals[i]!]),
      total: ['Totalt', ...r.columnTotals, r.grandTotal],
    },
    {
      id: 'procent', title: `Procent (bas: ${{ row: 'raden', col: 'kolumnen', total: 'totalen' }[r.percentBase]})`,
      columns: columns.map((c, j) => (j === 0 ? c : { ...c, kind: 'percent' as const })),
      rows: r.rows.map((row, i) => [row.label, ...r.percents[i]!]),
    },
  ];
}

function trendTables(q: s.TrendQuery, r: s.Trend): ExportTable[] {
  const last = String(r.years.at(-1));
  const columns = [{ header: DIMENSION_TITLES[q.dimension], kind: 'text' as const }, ...r.years.map((y) => ({ header: String(y), kind: 'count' as const }))];
  return [
    { id: 'antal', title: `Antal aktiviteter per ${DIMENSION_TITLES[q.dimension].toLowerCase()} och år`, columns, rows: r.series.map((x) => [x.labels[last] ?? x.key, ...x.counts]), total: ['Totalt', ...r.totals] },
    {
      id: 'procent', title: 'Procent av årets aktiviteter',
      columns: columns.map((c, j) => (j === 0 ? c : { ...c, kind: 'percent' as const })),
      rows: r.series.map((x) => [x.labels[last] ?? x.key, ...x.percents]),
    },
  ];
}

function reachTable(r: s.Reach): ExportTable {
  return {
    id: 'nackvidd', title: 'Deltagande kommuner',
    columns: [{ header: 'Kommun', kind: 'text' }, { header: 'Antal aktiviteter', kind: 'count' }, { header: 'Andel', kind: 'share' }, { header: 'Procent', kind: 'percent' }, { header: 'Nådd', kind: 'text' }],
    rows: r.municipalities.map((m) => [m.name, m.count, m.share, m.percent, m.reached ? 'Ja' : 'Nej']),
    total: ['Totalt', r.total, null, null, `${r.reachedCount} av ${r.municipalityCount}`],
  };
}

function vbTables(r: s.Vb): ExportTable[] {
  return r.tables.map((x) => ({
    id: x.id, title: x.title,
    columns: [{ header: x.title, kind: 'text' }, { header: 'Antal', kind: 'count' }, { header: 'Andel', kind: 'share' }, { header: x.columnTitle, kind: 'percent' }],
    rows: x.rows.map((row) => [row.label, row.count, row.share, row.percent]),
    total: [x.total.label, x.total.count, x.total.count > 0 ? 1 : 0, x.total.percent],
  }));
}

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {

  app.get('/reports/distribution', {
    config,
    schema: {
      tags, summary: 'Fördelning av aktiviteter över en dimension (alla värden, även de utan aktiviteter)',
      description: `Kommun och medarbetare är flervärda: en aktivitet räknas en gång per värde och andelarna summerar inte till 100 %. ${FILES}`,
      querystring: s.distributionQuery, response: { 200: ok(s.distribution), ...errorResponses },
    },
  }, async (req, reply) => {
    const r = svc.distributionReport(req.scope, req.query);
    return sendTables(reply, req, `fordelning-${req.query.dimension}${periodSuffix(req.query)}`, [distributionTable(r)], r);
  });

  app.get('/reports/crosstab', {
    config,
    schema: {
      tags, summary: 'Korstabell över två envärda dimensioner', description: FILES,
      querystring: s.crosstabQuery, response: { 200: ok(s.crosstab), ...errorResponses },
    },
  }, async (req, reply) => {
    const r = svc.crosstabReport(req.scope, req.query);
    return sendTables(reply, req, `korstabell-${req.query.rows}-${req.query.cols}${periodSuffix(req.query)}`, crosstabTables(req.query, r), r);
  });

  app.get('/reports/trend', {
    config,
    schema: {
      tags, summary: 'Utveckling år för år; mål matchas över ramverksbyten med sin nyckel och får varje års namn',
      description: FILES, querystring: s.trendQuery, response: { 200: ok(s.trend), ...errorResponses },
    },
  }, async (req, reply) => {
    const r = svc.trendReport(req.scope, req.query);
    return sendTables(reply, req, `trend-${req.query.dimension}-${req.query.fromYear}-${req.query.toYear}`, trendTables(req.query, r), r);
  });

  app.get('/reports/reach', {
    config,
    schema: {
      tags, summary: 'Vilka kommuner aktiviteterna nådde, och vilka de inte nådde', description: FILES,
      querystring: s.reachQuery, response: { 200: ok(s.reach), ...errorResponses },
    },
  }, async (req, reply) => {
    const r = svc.reachReport(req.scope, req.query);
    return sendTables(reply, req, `nackvidd${periodSuffix(req.query)}`, [reachTable(r)], r);
  });

  app.get('/reports/vb/:year', {
    config,
    schema: {
      tags, summary: 'Verksamhetsberättelsens två tabeller: verksamhetsområde och resultatmål', description: FILES,
      params: s.vbParams, querystring: s.vbQuery, response: { 200: ok(s.vb), ...errorResponses },
    },
  }, async (req, reply) => {
    const r = svc.vbReport(req.scope, req.params.year, req.query);
    return sendTables(reply, req, `vb-${req.params.year}${req.query.table ? `-${req.query.table}` : ''}`, vbTables(r), r);
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
