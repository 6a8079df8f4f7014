/**
 * The one Chart.js wrapper every chart uses: a calm colour-blind-safe palette (Okabe–Ito), no animation when a
 * test robot drives the browser, a PNG download, and the data table beside the chart, always.
 */
import { useRef, type ReactNode } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip, type ChartData, type ChartOptions,
} from 'chart.js';
import { Chart as ReactChart } from 'react-chartjs-2';
import { useI18n } from '../i18n/I18nProvider.tsx';

ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** Okabe & Ito (2008): distinguishable with every common colour vision deficiency. Yellow last: weak on white. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];

export interface Series {
  label: string;
  data: number[];
}

interface Props {
  /** Names the chart for screen readers and the PNG's file name. */
  title: string;
  fileName: string;
  kind: 'horizontalBar' | 'stackedHorizontalBar' | 'line';
  labels: string[];
  series: Series[];
  /** Values are percentages: the axis ends at 100 and ticks read "42 %". */
  percent?: boolean;
  /** The same figures as a table; shown beside the chart (below it on narrow screens). */
  table: ReactNode;
  /** A table too wide to sit beside the chart goes below it on every screen. */
  tableBelow?: boolean;
}

const animate = typeof navigator === 'undefined' || !navigator.webdriver;

/** Long category names (goals, areas) break into short lines so the bars keep their room on a phone. */
export function wrapLabel(label: string, width = 22, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  // A word longer than a line ("bistånd/missbruk/socialpsykiatri") may break after its slashes.
  const words = label.split(/\s+/).flatMap((w) => (w.length > width ? w.split(/(?<=\/)/) : [w]));
  for (const word of words) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

export function Chart({ title, fileName, kind, labels, series, percent = false, table, tableBelow = false }: Props) {
  const { t, percent: fmtPercent, number } = useI18n();
  const ref = useRef<ChartJS<'bar' | 'line'> | null>(null);
  const type = kind === 'line' ? 'line' : 'bar';
  const horizontal = kind !== 'line';
  const stacked = kind === 'stackedHorizontalBar';
  const fmt = (v: number) => (percent ? fmtPercent(v) : number(v));
  const data: ChartData<'bar' | 'line'> = {
    labels,
    datasets: series.map((s, i) => {
      const colour = PALETTE[i % PALETTE.length]!;
      return {
        label: s.label,
        data: s.data,
        backgroundColor: colour,
        borderColor: colour,
        borderWidth: kind === 'line' ? 2 : 0,
      };
    }),
  };
  const valueAxis = {
    beginAtZero: true,
    stacked,
    ...(percent ? { suggestedMax: 100 } : {}),
    ticks: { callback: (v: string | number) => fmt(Number(v)) },
  };
  const categoryAxis = {
    stacked,
    ticks: {
      autoSkip: false,
      callback(this: { getLabelForValue: (v: number) => string }, v: string | number) {
        return wrapLabel(this.getLabelForValue(Number(v)));
      },
    },
  };
  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: animate ? undefined : false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: {
      legend: { display: series.length > 1, position: 'bottom', labels: { boxWidth: 14 } },
      tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${fmt(Number(c.raw))}` } },
    },
    scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
  };
  // Horizontal bars need room per category; the legend of a multi-series chart needs its own.
  const height = horizontal ? Math.max(10, labels.length * 3.25 + (series.length > 1 ? 4 : 2)) : 16;

  function downloadPng() {
    const chart = ref.current;
    if (!chart) return;
    const a = document.createElement('a');
    a.href = chart.toBase64Image('image/png', 1);
    a.download = `${fileName}.png`;
    a.click();
  }

  return (
    <div className={`chart-block${tableBelow ? ' chart-block--below' : ''}`}>
      <figure className="chart">
        <div className="chart__canvas" style={{ height: `${height}rem` }}>
          <ReactChart ref={ref} type={type} data={data} options={options} role="img" aria-label={t.overview.chartOf(title)} />
        </div>
        <figcaption className="visually-hidden">{t.overview.chartOf(title)}</figcaption>
        <button type="button" className="button button--small no-print" onClick={downloadPng}>
          {t.overview.downloadPng}
        </button>
      </figure>
      <div className="chart-block__table">{table}</div>
    </div>
  );
}
