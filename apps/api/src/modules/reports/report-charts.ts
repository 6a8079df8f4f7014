/**
 * The overview's five charts as chart specifications (lib/chart-svg.ts), built from the same reports as its tables:
 * the PNG/SVG downloads and the Word document's images. Each heading names the year and n.
 */
import type { UnitScope } from '../../db/unit-scope.ts';
import type { ChartSpec } from '../../lib/chart-svg.ts';
import { FIRST_TREND_YEAR, crosstabReport, reachReport, trendReport, vbReport } from './reports.service.ts';
import type { ChartId, ChartQuery } from './reports.schemas.ts';

const n = (count: number) => `n = ${new Intl.NumberFormat('sv-SE').format(count).replace(/\u00a0/g, ' ')} aktiviteter`;

export const CHART_FILE_NAMES: Record<ChartId, string> = {
  verksamhetsomrade: 'verksamhetsområde',
  resultatmal: 'resultatmål',
  'mal-per-omrade': 'mål-per-område',
  kommuner: 'kommuner',
  trend: 'trend',
};

export function chartSpec(scope: UnitScope, chart: ChartId, q: ChartQuery): ChartSpec {
  const { year, rounding } = q;
  switch (chart) {
    case 'verksamhetsomrade':
    case 'resultatmal': {
      const vb = vbReport(scope, year, { rounding, table: chart, lang: 'sv' });
      const t = vb.tables[0]!;
      return {
        kind: 'bar', title: t.title, subtitle: `${year} · ${n(vb.activityCount)} · procent av årets aktiviteter`,
        categories: t.rows.map((r) => r.label), series: [{ label: 'Procent', values: t.rows.map((r) => r.percent) }], percent: true,
        ...(t.note ? { note: t.note } : {}),
      };
    }
    case 'mal-per-omrade': {
      const c = crosstabReport(scope, { rows: 'goal', cols: 'areaGroup', year, percent: 'row', rounding, lang: 'sv' });
      return {
        kind: 'stackedBar', title: 'Resultatmål per verksamhetsområde (antal aktiviteter)', subtitle: `${year} · ${n(c.grandTotal)}`,
        categories: c.rows.map((r) => r.label), series: c.columns.map((col, j) => ({ label: col.label, values: c.counts.map((row) => row[j] ?? 0) })), percent: false,
      };
    }
    case 'kommuner': {
      const r = reachReport(scope, { year, lang: 'sv' });
      return {
        kind: 'bar', title: 'Kommunernas deltagande (antal aktiviteter)', subtitle: `${year} · ${n(r.total)} · ${r.reachedCount} av ${r.municipalityCount} kommuner deltog`,
        categories: r.municipalities.map((m) => m.name), series: [{ label: 'Antal aktiviteter', values: r.municipalities.map((m) => m.count) }], percent: false,
        note: 'En aktivitet räknas för varje kommun som deltog i den, så kommunernas antal summerar till mer än årets aktiviteter.',
      };
    }
    case 'trend': {
      const from = Math.max(FIRST_TREND_YEAR, year - 8);
      const tr = trendReport(scope, { dimension: 'goal', fromYear: from, toYear: year, rounding, lang: 'sv' });
      const shown = tr.years.map((y, i) => ({ y, i })).filter(({ i }) => (tr.totals[i] ?? 0) > 0);
      const last = String(shown.at(-1)?.y ?? year);
      const total = shown.reduce((s, { i }) => s + (tr.totals[i] ?? 0), 0);
      return {
        kind: 'line', title: 'Resultatmål över åren (procent av årets aktiviteter)',
        subtitle: `${shown[0]?.y ?? year}–${last} · ${n(total)}`,
        categories: shown.map(({ y }) => String(y)),
        series: tr.series.map((s) => ({ label: s.labels[last] ?? s.key, values: shown.map(({ i }) => s.percents[i] ?? 0) })), percent: true,
      };
    }
  }
}
