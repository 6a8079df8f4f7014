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
  kind: 'bar' | 'horizontalBar' | 'stackedBar' | 'line';
  labels: string[];
  series: Series[];
  /** Values are percentages: the axis ends at 100 and ticks read "42 %". */
  percent?: boolean;
  /** The same figures as a table; shown beside the chart (below it on narrow screens). */
  table: ReactNode;
}

const animate = typeof navigator === 'undefined' || !navigator.webdriver;

export function Chart({ title, fileName, kind, labels, series, percent = false, table }: Props) {
  const { t, percent: fmtPercent, number } = useI18n();
  const ref = useRef<ChartJS<'bar' | 'line'> | null>(null);
  const type = kind === 'line' ? 'line' : 'bar';
  const fmt = (v: number) => (percent ? fmtPercent(v) : number(v));
  const data: ChartData<'bar' | 'line'> = {
    labels,
    datasets: series.map((s, i) => {
      const colour = PALETTE[(series.length === 1 ? 0 : i) % PALETTE.length]!;
      return {
        label: s.label,
        data: s.data,
        backgroundColor: series.length === 1 && kind !== 'line' ? labels.map((_, j) => PALETTE[j % PALETTE.length]!) : colour,
        borderColor: colour,
        borderWidth: kind === 'line' ? 2 : 0,
      };
    }),
  };
  const valueAxis = { beginAtZero: true, ...(percent && kind !== 'stackedBar' ? { suggestedMax: 100 } : {}), ticks: { callback: (v: string | number) => fmt(Number(v)) } };
  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: animate ? undefined : false,
    indexAxis: kind === 'horizontalBar' ? 'y' : 'x',
    plugins: {
      legend: { display: series.length > 1, position: 'bottom' },
      tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${fmt(Number(c.raw))}` } },
    },
    scales: kind === 'horizontalBar'
      ? { x: valueAxis }
      : kind === 'stackedBar'
        ? { x: { stacked: true }, y: { ...valueAxis, stacked: true } }
        : { y: valueAxis },
  };

  function downloadPng() {
    const chart = ref.current;
    if (!chart) return;
    const a = document.createElement('a');
    a.href = chart.toBase64Image('image/png', 1);
    a.download = `${fileName}.png`;
    a.click();
  }

  return (
    <div className="chart-block">
      <figure className="chart">
        <div className="chart__canvas">
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
