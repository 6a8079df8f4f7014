/**
 * The overview's report sections. Each takes the report API's answer (the generated types fit these props
 * structurally) and shows a chart with its data table beside it.
 */
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ReactNode } from 'react';
import { Chart } from './Chart.tsx';

/**
 * A table that may be wider than a phone scrolls on its own, and keyboard users can reach it to scroll. A `wide`
 * one (many columns) says so above it on narrow screens, and shades the edge where columns are hidden.
 */
export function TableWrap({ label, wide = false, children }: { label: string; wide?: boolean; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      {wide ? <p className="scroll-hint no-print">{t.overview.scrollHint}</p> : null}
      <div className={`table-wrap${wide ? ' table-wrap--wide' : ''}`} role="region" aria-label={label} tabIndex={0}>
        {children}
      </div>
    </>
  );
}

interface Row { key: string; label: string; count: number; percent: number; registerName?: string }

export interface VbTableProps {
  id: string;
  title: string;
  columnTitle: string;
  rows: Row[];
  total: { label: string; count: number; percent: number };
  note?: string | null;
}

/** "Barn, ungdom & familj" is the report's word for the register's "Barn, unga och familj": say so once. */
export function RegisterNames({ rows }: { rows: { label: string; registerName?: string }[] }) {
  const { t } = useI18n();
  const renamed = rows.filter((r) => r.registerName && r.registerName !== r.label);
  if (!renamed.length) return null;
  return <p className="muted report-note">{t.overview.registerNames(renamed.map((r) => t.overview.registerName(r.label, r.registerName!)).join('; '))}</p>;
}

export function VbTableSection({ table, chartUrl }: { table: VbTableProps; year: number; chartUrl?: (format: 'png' | 'svg') => string }) {
  const { t, percent, number } = useI18n();
  const headingId = `vb-${table.id}`;
  return (
    <section className="report-section" aria-labelledby={headingId}>
      <h3 id={headingId}>{table.title}</h3>
      <Chart
        title={table.title}
        {...(chartUrl ? { imageUrl: chartUrl } : {})}
        kind="horizontalBar"
        percent
        labels={table.rows.map((r) => r.label)}
        series={[{ label: t.overview.percent, data: table.rows.map((r) => r.percent) }]}
        table={
          <TableWrap label={table.title}>
          <table className="data-table" data-table={table.id}>
            <caption className="visually-hidden">{table.title}</caption>
            <thead>
              <tr>
                <th scope="col">{table.title}</th>
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
          </TableWrap>
        }
      />
      {table.note ? <p className="muted report-note">{table.note}</p> : null}
      <RegisterNames rows={table.rows} />
    </section>
  );
}

export interface CrosstabProps {
  rows: { key: string; label: string }[];
  columns: { key: string; label: string; registerName?: string }[];
  counts: number[][];
  rowTotals: number[];
  columnTotals: number[];
  grandTotal: number;
  percents: number[][];
}

export function CrosstabSection({ data, actions, chartUrl }: { data: CrosstabProps; year: number; actions?: ReactNode; chartUrl?: (format: 'png' | 'svg') => string }) {
  const { t, percent, number } = useI18n();
  return (
    <section className="report-section" aria-labelledby="crosstab-heading">
      <h2 id="crosstab-heading">{t.overview.crosstab}</h2>
      {actions}
      <p className="report-note">{t.overview.crosstabBase}</p>
      <Chart
        title={t.overview.crosstab}
        {...(chartUrl ? { imageUrl: chartUrl } : {})}
        kind="stackedHorizontalBar"
        tableBelow
        labels={data.rows.map((r) => r.label)}
        series={data.columns.map((c, j) => ({ label: c.label, data: data.counts.map((row) => row[j] ?? 0) }))}
        table={
          <TableWrap label={t.overview.crosstab} wide>
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
          </TableWrap>
        }
      />
      <RegisterNames rows={data.columns} />
    </section>
  );
}

export interface ReachProps {
  reachedCount: number;
  municipalityCount: number;
  municipalities: { code: string; name: string; count: number; percent: number; reached: boolean }[];
  notReached: { code: string; name: string }[];
}

export function ReachSection({ data, actions, chartUrl }: { data: ReachProps; year: number; actions?: ReactNode; chartUrl?: (format: 'png' | 'svg') => string }) {
  const { t, percent, number } = useI18n();
  return (
    <section className="report-section" aria-labelledby="reach-heading">
      <h2 id="reach-heading">{t.overview.reach}</h2>
      {actions}
      <p>
        {t.overview.reachSummary(number(data.reachedCount), number(data.municipalityCount))}{' '}
        {data.notReached.length ? `${t.overview.notReached}: ${data.notReached.map((m) => m.name).join(', ')}.` : t.overview.noneMissing}
      </p>
      <p className="report-note">{t.overview.reachShares}</p>
      <Chart
        title={t.overview.reach}
        {...(chartUrl ? { imageUrl: chartUrl } : {})}
        kind="horizontalBar"
        labels={data.municipalities.map((m) => m.name)}
        series={[{ label: t.overview.count, data: data.municipalities.map((m) => m.count) }]}
        table={
          <TableWrap label={t.overview.reach}>
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
          </TableWrap>
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

export function TrendSection({ data, actions, chartUrl }: { data: TrendProps; actions?: ReactNode; chartUrl?: (format: 'png' | 'svg') => string }) {
  const { t, percent, number } = useI18n();
  // Years before the unit recorded anything would read as 0 % everywhere: leave them out.
  const shown = data.years.map((y, i) => ({ y, i })).filter(({ i }) => (data.totals[i] ?? 0) > 0);
  const last = String(shown.at(-1)?.y ?? '');
  // A goal may be renamed; the latest year's name labels the line and the row.
  const label = (s: TrendProps['series'][number]) => s.labels[last] ?? Object.values(s.labels).at(-1) ?? s.key;
  return (
    <section className="report-section" aria-labelledby="trend-heading">
      <h2 id="trend-heading">{t.overview.trend}</h2>
      {actions}
      <Chart
        title={t.overview.trend}
        {...(chartUrl ? { imageUrl: chartUrl } : {})}
        kind="line"
        percent
        tableBelow
        labels={shown.map(({ y }) => String(y))}
        series={data.series.map((s) => ({ label: label(s), data: shown.map(({ i }) => s.percents[i] ?? 0) }))}
        table={
          <TableWrap label={t.overview.trend} wide>
            <table className="data-table">
              <caption className="visually-hidden">{t.overview.trend}</caption>
              <thead>
                <tr>
                  <td />
                  {shown.map(({ y }) => (
                    <th key={y} scope="col" className="num">{y}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.series.map((s) => (
                  <tr key={s.key}>
                    <th scope="row">{label(s)}</th>
                    {shown.map(({ y, i }) => (
                      <td key={y} className="num">{percent(s.percents[i] ?? 0)} <span className="muted">({number(s.counts[i] ?? 0)})</span></td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t.overview.total}</th>
                  {shown.map(({ y, i }) => (
                    <td key={y} className="num">{number(data.totals[i] ?? 0)}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </TableWrap>
        }
      />
    </section>
  );
}
