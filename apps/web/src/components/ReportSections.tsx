/**
 * The overview's report sections. Each takes the report API's answer (the generated types fit these props
 * structurally) and shows a chart with its data table beside it.
 */
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Chart } from './Chart.tsx';

interface Row { key: string; label: string; count: number; percent: number }

export interface VbTableProps {
  id: string;
  title: string;
  columnTitle: string;
  rows: Row[];
  total: { label: string; count: number; percent: number };
}

export function VbTableSection({ table, year }: { table: VbTableProps; year: number }) {
  const { t, percent, number } = useI18n();
  const headingId = `vb-${table.id}`;
  return (
    <section className="report-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{table.title}</h3>
      <Chart
        title={table.title}
        fileName={`vb-${year}-${table.id}`}
        kind="horizontalBar"
        percent
        labels={table.rows.map((r) => r.label)}
        series={[{ label: t.overview.percent, data: table.rows.map((r) => r.percent) }]}
        table={
          <table className="data-table" data-table={table.id}>
            <caption className="visually-hidden">{table.title}</caption>
            <thead>
              <tr>
                <th scope="col">{table.columnTitle}</th>
                <th scope="col" className="num">{t.overview.count}</th>
                <th scope="col" className="num">{t.overview.percent}</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">{r.label}</th>
                  <td className="num">{number(r.count)}</td>
                  <td className="num" data-percent={r.percent}>{percent(r.percent)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{table.total.label}</th>
                <td className="num">{number(table.total.count)}</td>
                <td className="num">{percent(table.total.percent)}</td>
              </tr>
            </tfoot>
          </table>
        }
      />
    </section>
  );
}

export interface CrosstabProps {
  rows: { key: string; label: string }[];
  columns: { key: string; label: string }[];
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  grandTotal: number;
  percents: number[][];
}

export function CrosstabSection({ data, year }: { data: CrosstabProps; year: number }) {
  const { t, percent, number } = useI18n();
  return (
    <section className="report-section" aria-labelledby="crosstab-heading">
      <h2 id="crosstab-heading">{t.overview.crosstab}</h2>
      <Chart
        title={t.overview.crosstab}
        fileName={`mal-per-omrade-${year}`}
        kind="stackedBar"
        labels={data.rows.map((r) => r.label)}
        series={data.columns.map((c, j) => ({ label: c.label, data: data.counts.map((row) => row[j] ?? 0) }))}
        table={
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t.overview.crosstab}</caption>
              <thead>
                <tr>
                  <td />
                  {data.columns.map((c) => (
                    <th key={c.key} scope="col" className="num">{c.label}</th>
                  ))}
                  <th scope="col" className="num">{t.overview.total}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r, i) => (
                  <tr key={r.key}>
                    <th scope="row">{r.label}</th>
                    {data.columns.map((c, j) => (
                      <td key={c.key} className="num">
                        {number(data.counts[i]?.[j] ?? 0)} <span className="muted">({percent(data.percents[i]?.[j] ?? 0)})</span>
                      </td>
                    ))}
                    <td className="num">{number(data.rowTotals[i] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t.overview.total}</th>
                  {data.columnTotals.map((n, j) => (
                    <td key={data.columns[j]?.key ?? j} className="num">{number(n)}</td>
                  ))}
                  <td className="num">{number(data.grandTotal)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        }
      />
    </section>
  );
}

export interface ReachProps {
  reachedCount: number;
  municipalityCount: number;
  municipalities: { code: string; name: string; count: number; percent: number; reached: boolean }[];
  notReached: { code: string; name: string }[];
}

export function ReachSection({ data, year }: { data: ReachProps; year: number }) {
  const { t, percent, number } = useI18n();
  return (
    <section className="report-section" aria-labelledby="reach-heading">
      <h2 id="reach-heading">{t.overview.reach}</h2>
      <p>
        {t.overview.reachSummary(number(data.reachedCount), number(data.municipalityCount))}{' '}
        {data.notReached.length ? `${t.overview.notReached}: ${data.notReached.map((m) => m.name).join(', ')}.` : t.overview.noneMissing}
      </p>
      <Chart
        title={t.overview.reach}
        fileName={`kommuner-${year}`}
        kind="horizontalBar"
        labels={data.municipalities.map((m) => m.name)}
        series={[{ label: t.overview.count, data: data.municipalities.map((m) => m.count) }]}
        table={
          <table className="data-table">
            <caption className="visually-hidden">{t.overview.reach}</caption>
            <thead>
              <tr>
                <th scope="col">{t.list.municipality}</th>
                <th scope="col" className="num">{t.overview.count}</th>
                <th scope="col" className="num">{t.overview.percent}</th>
                <th scope="col">{t.overview.reached}</th>
              </tr>
            </thead>
            <tbody>
              {data.municipalities.map((m) => (
                <tr key={m.code}>
                  <th scope="row">{m.name}</th>
                  <td className="num">{number(m.count)}</td>
                  <td className="num">{percent(m.percent)}</td>
                  <td>{m.reached ? t.overview.yes : t.overview.no}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </section>
  );
}

export interface TrendProps {
  years: number[];
  totals: number[];
  series: { key: string; labels: Record<string, string>; counts: number[]; percents: number[] }[];
}

export function TrendSection({ data }: { data: TrendProps }) {
  const { t, percent, number } = useI18n();
  const last = String(data.years[data.years.length - 1] ?? '');
  // A goal may be renamed; the latest year's name labels the line, each year's own name is in the table.
  const label = (s: TrendProps['series'][number]) => s.labels[last] ?? Object.values(s.labels).at(-1) ?? s.key;
  return (
    <section className="report-section" aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t.overview.trend}</h2>
      <Chart
        title={t.overview.trend}
        fileName={`trend-${data.years[0]}-${last}`}
        kind="line"
        percent
        labels={data.years.map(String)}
        series={data.series.map((s) => ({ label: label(s), data: s.percents }))}
        table={
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t.overview.trend}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.overview.year}</th>
                  {data.series.map((s) => (
                    <th key={s.key} scope="col" className="num">{label(s)}</th>
                  ))}
                  <th scope="col" className="num">{t.overview.total}</th>
                </tr>
              </thead>
              <tbody>
                {data.years.map((y, i) => (
                  <tr key={y}>
                    <th scope="row">{y}</th>
                    {data.series.map((s) => (
                      <td key={s.key} className="num">{percent(s.percents[i] ?? 0)} <span className="muted">({number(s.counts[i] ?? 0)})</span></td>
                    ))}
                    <td className="num">{number(data.totals[i] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        }
      />
    </section>
  );
}
