/**
 * The Chart.js half of the chart wrapper, in its own chunk: Chart.js is most of the overview's code, and the
 * page's tables and report requests need not wait for it. No animation: a report's chart appears drawn, and
 * five charts growing for a second kept a phone's main thread busy (Lighthouse's blocking time) for nothing.
 */
import type { RefObject } from 'react';
import {
  BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, LineController, LineElement,
  PointElement, Tooltip, type ChartData, type ChartOptions, type Plugin,
} from 'chart.js';
import { Chart as ReactChart } from 'react-chartjs-2';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PALETTE, wrapLabel, type ChartKind, type Series } from './chart-style.ts';

ChartJS.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/**
 * Marks the canvas `data-drawn` when Chart.js has finished a render: a signal from the chart itself that
 * `pnpm bench` times the overview by, instead of guessing at pixels.
 */
const drawnMarker: Plugin<'bar' | 'line'> = {
  id: 'fouDrawn',
  afterRender(chart) {
    chart.canvas.dataset.drawn = 'true';
  },
};

export interface ChartCanvasProps {
  label: string;
  kind: ChartKind;
  labels: string[];
  series: Series[];
  percent: boolean;
  /** The drawn chart, for the wrapper's PNG download. */
  chartRef: RefObject<ChartJS<'bar' | 'line'> | null>;
}

export default function ChartCanvas({ label, kind, labels, series, percent, chartRef }: ChartCanvasProps) {
  const { percent: fmtPercent, number } = useI18n();
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
    animation: false,
    indexAxis: horizontal ? 'y' : 'x',
    plugins: {
      legend: { display: series.length > 1, position: 'bottom', labels: { boxWidth: 14 } },
      tooltip: { callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${fmt(Number(c.raw))}` } },
    },
    scales: horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
  };
  return <ReactChart ref={chartRef} type={type} data={data} options={options} plugins={[drawnMarker]} role="img" aria-label={label} />;
}
