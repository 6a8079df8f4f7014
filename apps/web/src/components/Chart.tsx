/**
 * The one chart wrapper every chart uses: a calm colour-blind-safe palette (Okabe–Ito), a PNG download, and the
 * data table beside the chart, always. The table shows as soon as the data is here; the canvas follows when
 * Chart.js (its own chunk, fetched as soon as a page with charts loads) has arrived.
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { Chart as ChartJS } from 'chart.js';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { ChartKind, Series } from './chart-style.ts';

export type { Series } from './chart-style.ts';

type Canvas = (typeof import('./ChartCanvas.tsx'))['default'];
let loaded: Canvas | undefined;
let loading: Promise<Canvas> | undefined;
const loadCanvas = () => (loading ??= import('./ChartCanvas.tsx').then((m) => (loaded = m.default)));

function preloadCharts(): void {
  // A failed fetch is forgotten, so the next chart to mount tries again.
  loadCanvas().catch(() => (loading = undefined));
}

/**
 * For pages that always draw charts: Chart.js is fetched and run once `when` holds (the overview: its first tables
 * are drawn) and the page has been painted. Running Chart.js's module is a long task on a phone; run as the page's
 * code arrived, it held back the page's first content until the reports were in (Lighthouse's LCP). On a first
 * load the boot script has already fetched the file (vite.config.ts), so only running it waits.
 */
export function usePreloadCharts(when = true): void {
  useEffect(() => {
    if (!when) return;
    const id = setTimeout(preloadCharts, 0);
    return () => clearTimeout(id);
  }, [when]);
}

/**
 * Drawing a chart is one long piece of main-thread work (Chart.js measures the box, fits the scales and paints):
 * on a phone, five of them in one go were most of the overview's blocking time. So a chart is drawn only when its
 * box comes near the view, and charts are drawn one per task, each rendered and drawn to the end (flushSync: its
 * Chart.js instance is made in the same task) before the browser gets the main thread back. The queue also
 * waits for Chart.js itself: charts whose boxes came into view before it had arrived used to be drawn all at once
 * when it did, a single task of most of a second on a phone. The box has its final size either way, so nothing
 * moves; the table beside every chart has the figures from the start. Before printing every chart is drawn.
 */
const waiting: (() => void)[] = [];
let drawing = false;
function drawInTurn(draw: () => void): () => void {
  waiting.push(draw);
  if (!drawing) {
    drawing = true;
    drawNext();
  }
  return () => {
    const i = waiting.indexOf(draw);
    if (i >= 0) waiting.splice(i, 1);
  };
}
function drawNext() {
  if (waiting.length === 0) {
    drawing = false;
    return;
  }
  // A fresh task for each chart, after Chart.js is here. If it cannot be fetched the queue stops; the tables stay.
  loadCanvas().then(
    () => setTimeout(() => {
      waiting.shift()?.();
      drawNext();
    }, 0),
    () => {
      loading = undefined;
      waiting.length = 0;
      drawing = false;
    },
  );
}

/** How near the view a chart's box must come to be drawn: a quarter of a screen ahead of it, above or below. */
const NEAR = '25% 0px';

/** The canvas component, once this chart's turn to be drawn has come; undefined until then. */
function useCanvasWhenNear(box: RefObject<HTMLElement | null>): Canvas | undefined {
  const [canvas, setCanvas] = useState<Canvas | undefined>(undefined);
  useEffect(() => {
    const el = box.current;
    if (canvas || !el) return;
    const draw = () => loaded && flushSync(() => setCanvas(() => loaded));
    window.addEventListener('beforeprint', draw);
    let cancel: (() => void) | undefined;
    const queue = () => (cancel ??= drawInTurn(draw));
    // Without IntersectionObserver (old browsers, some test DOMs) every chart is drawn, in turn.
    const observer = typeof IntersectionObserver === 'undefined'
      ? undefined
      : new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && queue(), { rootMargin: NEAR });
    if (observer) observer.observe(el);
    else queue();
    return () => {
      observer?.disconnect();
      cancel?.();
      window.removeEventListener('beforeprint', draw);
    };
  }, [box, canvas]);
  return canvas;
}

interface Props {
  /** Names the chart for screen readers. */
  title: string;
  /** The browser-drawn PNG's file name, for a chart the server does not draw (the regional comparison). */
  fileName?: string;
  kind: ChartKind;
  labels: string[];
  series: Series[];
  /** Values are percentages: the axis ends at 100 and ticks read "42 %". */
  percent?: boolean;
  /** The same figures as a table; shown beside the chart (below it on narrow screens). */
  table: ReactNode;
  /** A table too wide to sit beside the chart goes below it on every screen. */
  tableBelow?: boolean;
  /** The chart as the server draws it for print: links to its PNG (2000 px) and SVG. */
  imageUrl?: (format: 'png' | 'svg') => string;
}

export function Chart({ title, fileName = 'diagram', kind, labels, series, percent = false, table, tableBelow = false, imageUrl }: Props) {
  const { t } = useI18n();
  const ref = useRef<ChartJS<'bar' | 'line'> | null>(null);
  const box = useRef<HTMLDivElement | null>(null);
  const ChartCanvas = useCanvasWhenNear(box);
  // Horizontal bars need room per category; the legend of a multi-series chart needs its own.
  const height = kind !== 'line' ? Math.max(10, labels.length * 3.25 + (series.length > 1 ? 4 : 2)) : 16;

  // Without a server drawing, the canvas as it is on screen.
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
        {/* The box keeps its height while Chart.js loads, so nothing below jumps when the canvas appears. */}
        <div ref={box} className="chart__canvas" style={{ height: `${height}rem` }}>
          {ChartCanvas ? <ChartCanvas label={t.overview.chartOf(title)} kind={kind} labels={labels} series={series} percent={percent} chartRef={ref} /> : null}
        </div>
        <figcaption className="visually-hidden">{t.overview.chartOf(title)}</figcaption>
        {imageUrl ? (
          <p className="exports no-print">
            <a className="button button--small" href={imageUrl('png')} download>
              {t.overview.downloadPng}<span className="visually-hidden">: {title}</span>
            </a>
            <a className="button button--small" href={imageUrl('svg')} download>
              {t.overview.downloadSvg}<span className="visually-hidden">: {title}</span>
            </a>
          </p>
        ) : (
          <button type="button" className="button button--small no-print" onClick={downloadPng}>
            {t.overview.downloadPng}
          </button>
        )}
      </figure>
      <div className="chart-block__table">{table}</div>
    </div>
  );
}
