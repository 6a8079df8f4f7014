import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/errors.ts';
import { sendTables, XLSX_TYPE, type ExportTable } from '../reports/report-export.ts';
import { REPORT_WORDS, type ReportWords } from '../reports/report-words.ts';
import { regionAggregatesRepository } from './region-aggregates.repository.ts';
import * as s from './region.schemas.ts';
import { regionComparison } from './region.service.ts';

const tags = ['region'];

/** The comparison's five tables, as the page shows them: one row per unit (and year where a table has both). */
export function comparisonTables(r: s.Comparison, w: ReportWords): ExportTable[] {
  const x = w.region;
  const unitName = new Map(r.units.map((u) => [u.id, u.shortName ?? u.name]));
  const byUnitYear = new Map(r.rows.map((row) => [`${row.unitId}:${row.year}`, row]));
  const label = (row: s.Comparison['rows'][number]) => unitName.get(row.unitId) ?? String(row.unitId);
  const unit = { header: x.unit, kind: 'text' as const };
  const yearCol = { header: x.year, kind: 'count' as const };
  const activities = { header: x.activities, kind: 'count' as const };
  return [
    {
      id: 'aktiviteter', title: x.activitiesTitle,
      columns: [unit, ...r.years.map((y) => ({ header: String(y), kind: 'count' as const }))],
      rows: r.units.map((u) => [u.shortName ?? u.name, ...r.years.map((y) => byUnitYear.get(`${u.id}:${y}`)?.activities ?? 0)]),
    },
    {
      id: 'resultatmal', title: x.goalsTitle,
      columns: [unit, yearCol, activities,
        ...r.goals.flatMap((g) => [{ header: x.countOf(g.name), kind: 'count' as const }, { header: `${g.name} (%)`, kind: 'percent' as const }])],
      rows: r.rows.map((row) => [label(row), row.year, row.activities, ...row.goals.flatMap((g) => [g.count, g.percent])]),
    },
    {
      id: 'verksamhetsomrade', title: x.areasTitle,
      columns: [unit, yearCol, activities,
        ...r.areaGroups.flatMap((g) => [{ header: x.countOf(g.name), kind: 'count' as const }, { header: `${g.name} (%)`, kind: 'percent' as const }])],
      rows: r.rows.map((row) => [label(row), row.year, row.activities, ...row.areaGroups.flatMap((g) => [g.count, g.percent])]),
    },
    {
      id: 'kommuner', title: x.reachedTitle,
      columns: [unit, yearCol, { header: x.reached, kind: 'count' }, { header: x.of, kind: 'count' }],
      rows: r.rows.map((row) => [label(row), row.year, row.municipalities.reached, row.municipalities.of]),
    },
    {
      id: 'deltagare', title: x.participants,
      columns: [unit, yearCol, { header: x.participants, kind: 'count' }, { header: x.withCount, kind: 'count' }, activities],
      rows: r.rows.map((row) => [label(row), row.year, row.participants.sum, row.participants.activitiesWithCount, row.activities]),
    },
  ];
}

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  // Not a unit's repository: built once for the install (see its header for why it may read across units).
  const repo = regionAggregatesRepository(app.db);

  app.get('/region/comparison', {
    config: { action: 'region:read' },
    schema: {
      tags,
      summary: 'Regional jämförelse: antal och fördelningar per delande enhet och år',
      description: 'Bara enheter som valt att dela visas. Ett regionkonto ser de delande enheterna i sitt län (alla län om kontot saknar län); en FoU-chef ser jämförelsen bara när den egna enheten delar, och då de delande enheterna i samma län (annars ett tomt svar med viewer.unitShares false). Svaret innehåller aldrig en aktivitet, en titel eller ett namn på en medarbetare. Svaret är JSON; med output=csv eller output=xlsx (eller Accept: text/csv respektive application/vnd.openxmlformats-officedocument.spreadsheetml.sheet) kommer samma tabeller som bifogad fil.',
      querystring: s.comparisonQuery,
      response: {
        200: {
          description: 'Jämförelsen som JSON, eller som fil (CSV eller XLSX) med output= eller Accept',
          content: {
            'application/json': { schema: s.comparison },
            'text/csv': { schema: z.string().meta({ description: 'CSV: UTF-8 med BOM, semikolon, CRLF, en tabell efter en annan' }) },
            [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary', description: 'Excel-arbetsbok: ett blad per tabell' }) },
          },
        },
        ...errorResponses,
      },
    },
  }, async (req, reply) => {
    const r = regionComparison(repo, req.principal, req.query);
    const w = REPORT_WORDS[req.query.lang];
    return sendTables(reply, req, `${w.region.file}-${r.from}-${r.to}`, comparisonTables(r, w), r);
  });
};
