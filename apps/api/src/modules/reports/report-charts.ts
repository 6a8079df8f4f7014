/**
 * The overview's five charts as chart specifications (lib/chart-svg.ts), built from the same reports as its tables:
 * the PNG/SVG downloads and the Word document's images. Each heading names the year and n, in the asked language.
 */
import type { UnitScope } from '../../db/unit-scope.ts';
import type { ChartSpec } from '../../lib/chart-svg.ts';
import { FIRST_TREND_YEAR, crosstabReport, reachReport, trendReport, vbReport } from './reports.service.ts';
import { REPORT_WORDS } from './report-words.ts';
import type { ChartId, ChartQuery } from './reports.schemas.ts';

// Numbers as the chart's own figures are written (lib/chart-svg.ts), in either language: one convention per file.
const count = (n: number) => new Intl.NumberFormat('sv-SE').format(n).replace(/\u00a0/g, ' ');

/** The download's name in the chart's language: diagram-resultatmål-2018.png, chart-result-goals-2018.png. */
export function chartFileName(chart: ChartId, q: Pick<ChartQuery, 'year' | 'format' | 'lang'>): string {
  const w = REPORT_WORDS[q.lang].charts;
  return `${w.file}-${w.files[chart]}-${q.year}.${q.format}`;
}

export function chartSpec(scope: UnitScope, chart: ChartId, q: ChartQuery): ChartSpec {
  const { year, rounding, lang } = q;
  const w = REPORT_WORDS[lang];
  const n = (x: number) => w.charts.n(count(x));
  switch (chart) {
    case 'verksamhetsomrade':
    case 'resultatmal': {
      const vb = vbReport(scope, year, { rounding, table: chart, lang });
      const t = vb.tables[0]!;
      return {
        kind: 'bar', title: t.title, subtitle: `${year} · ${n(vb.activityCount)} · ${w.charts.percentOfYear}`,
        categories: t.rows.map((r) => r.label), series: [{ label: w.percent, values: t.rows.map((r) => r.percent) }], percent: true,
        ...(t.note ? { note: t.note } : {}),
      };
    }
    case 'mal-per-omrade': {
      const c = crosstabReport(scope, { rows: 'goal', cols: 'areaGroup', year, percent: 'row', rounding, lang });
      return {
        kind: 'stackedBar', title: w.charts.goalByArea, subtitle: `${year} · ${n(c.grandTotal)}`,
        categories: c.rows.map((r) => r.label), series: c.columns.map((col, j) => ({ label: col.label, values: c.counts.map((row) => row[j] ?? 0) })), percent: false,
      };
    }
    case 'kommuner': {
      const r = reachReport(scope, { year, lang });
      return {
        kind: 'bar', title: w.charts.reachTitle, subtitle: `${year} · ${n(r.total)} · ${w.charts.reachedOf(r.reachedCount, r.municipalityCount)}`,
        categories: r.municipalities.map((m) => m.name), series: [{ label: w.charts.reachSeries, values: r.municipalities.map((m) => m.count) }], percent: false,
        note: w.charts.reachNote,
      };
    }
    case 'trend': {
      const from = Math.max(FIRST_TREND_YEAR, year - 8);
      const tr = trendReport(scope, { dimension: 'goal', fromYear: from, toYear: year, rounding, lang });
      const shown = tr.years.map((y, i) => ({ y, i })).filter(({ i }) => (tr.totals[i] ?? 0) > 0);
      const last = String(shown.at(-1)?.y ?? year);
      const total = shown.reduce((s, { i }) => s + (tr.totals[i] ?? 0), 0);
      return {
        kind: 'line', title: w.charts.trendTitle,
        subtitle: `${shown[0]?.y ?? year}–${last} · ${n(total)}`,
        categories: shown.map(({ y }) => String(y)),
        series: tr.series.map((s) => ({ label: s.labels[last] ?? s.key, values: shown.map(({ i }) => s.percents[i] ?? 0) })), percent: true,
      };
    }
  }
}
