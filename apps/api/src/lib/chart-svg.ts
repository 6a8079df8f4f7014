/**
 * Report charts drawn as SVG on the server, from the same figures as the tables, for print: the PNG and SVG
 * downloads of the overview and the images of the Word document are this one rendering. Each chart carries its
 * title, the year and n in its heading and its values on the bars, so that a picture pasted on its own still says
 * what it shows. No browser is involved: the SVG is written here and rasterised with resvg (chart-png.ts).
 *
 * Text widths are estimated from the character count (DejaVu Sans averages about 0.56 em per character), which is
 * enough for laying out labels that are wrapped to a fixed number of characters anyway.
 */

/** Okabe & Ito (2008), as the web's charts (apps/web/src/components/chart-style.ts): safe with colour blindness. */
export const CHART_PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];
/** The font the charts are drawn in; DejaVu Sans has å, ä, ö and is on Debian (fonts-dejavu-core). */
export const CHART_FONT = 'DejaVu Sans';
/** The SVG's own width in CSS pixels; the PNG is drawn at twice that (1600 px) or more. */
export const CHART_WIDTH = 800;

export interface ChartSeries { label: string; values: number[] }

export interface BarChart {
  kind: 'bar' | 'stackedBar';
  title: string;
  /** The line under the title: "2018 · n = 312 aktiviteter". */
  subtitle: string;
  /** One per bar (category), top to bottom. */
  categories: string[];
  series: ChartSeries[];
  /** Values are percents: ticks and labels read "42 %". */
  percent: boolean;
  /** A line under the chart: what the numbers mean when it needs saying. */
  note?: string;
}

export interface LineChart {
  kind: 'line';
  title: string;
  subtitle: string;
  /** Along the x axis, left to right (years). */
  categories: string[];
  series: ChartSeries[];
  percent: boolean;
  note?: string;
}

export type ChartSpec = BarChart | LineChart;

const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const textWidth = (s: string, size: number) => s.length * size * 0.56;
/** Swedish number format: a space between thousands, a decimal comma. */
const fmtNumber = (n: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(n).replace(/\u00a0/g, ' ');
const fmt = (n: number, percent: boolean) => (percent ? `${fmtNumber(n)} %` : fmtNumber(n));

/** A label broken into lines of at most `width` characters (a long word may break after a slash), at most `max` lines. */
export function wrapText(label: string, width: number, max = 3): string[] {
  const words = label.split(/\s+/).filter(Boolean).flatMap((w) => (w.length > width ? w.split(/(?<=\/)/) : [w]));
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${kept[max - 1]}…`;
  return kept;
}

/** A round axis end at or above `max`: 1, 2, 2.5 or 5 times a power of ten, so that five ticks are round numbers. */
export function niceMax(max: number, percent: boolean): number {
  if (max <= 0) return percent ? 100 : 1;
  const raw = max * 1.05;
  const power = 10 ** Math.floor(Math.log10(raw));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * power).find((v) => v >= raw) ?? 10 * power;
  return percent ? Math.min(100, nice) : nice;
}

function textLines(lines: string[], x: number, y: number, size: number, opts: { anchor?: 'start' | 'end' | 'middle'; weight?: number; fill?: string; lineHeight?: number; halo?: boolean } = {}): string {
  const lh = opts.lineHeight ?? size * 1.25;
  // A white outline under a label that sits on lines keeps it readable.
  const halo = opts.halo ? ' stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round"' : '';
  return lines.map((l, i) => `<text x="${x}" y="${(y + i * lh).toFixed(1)}" font-size="${size}"${opts.anchor ? ` text-anchor="${opts.anchor}"` : ''}${opts.weight ? ` font-weight="${opts.weight}"` : ''} fill="${opts.fill ?? '#1a1a1a'}"${halo}>${esc(l)}</text>`).join('');
}

interface Frame { parts: string[]; y: number }

/** Title, subtitle: the top of every chart. */
function heading(spec: ChartSpec): Frame {
  const title = wrapText(spec.title, 60, 2);
  const parts = [textLines(title, 24, 34, 20, { weight: 700 })];
  let y = 34 + (title.length - 1) * 25 + 26;
  parts.push(textLines([spec.subtitle], 24, y, 14, { fill: '#444' }));
  y += 22;
  return { parts, y };
}

/** Legend swatches under the plot, when there is more than one series: side by side, or one a row when they are long. */
function legend(series: ChartSeries[], y: number): Frame {
  if (series.length < 2) return { parts: [], y };
  const parts: string[] = [];
  const oneARow = series.some((s) => s.label.length > 40);
  let x = 24;
  let rowY = y + 8;
  for (const [i, s] of series.entries()) {
    const label = wrapText(s.label, oneARow ? 100 : 48, 1)[0] ?? '';
    const w = 22 + textWidth(label, 12) + 20;
    if (i > 0 && (oneARow || x + w > CHART_WIDTH - 16)) {
      x = 24;
      rowY += 22;
    }
    parts.push(`<rect x="${x}" y="${rowY - 10}" width="14" height="14" fill="${CHART_PALETTE[i % CHART_PALETTE.length]}"/>`);
    parts.push(textLines([label], x + 20, rowY + 2, 12));
    x += w;
  }
  return { parts, y: rowY + 18 };
}

function footnote(note: string | undefined, y: number): Frame {
  if (!note) return { parts: [], y };
  const lines = wrapText(note, 110, 4);
  return { parts: [textLines(lines, 24, y + 14, 11, { fill: '#444' })], y: y + 14 + lines.length * 14 };
}

function svg(parts: string[], height: number, title: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${Math.ceil(height)}" viewBox="0 0 ${CHART_WIDTH} ${Math.ceil(height)}" font-family="${CHART_FONT}, Arial, sans-serif" role="img"><title>${esc(title)}</title><rect width="100%" height="100%" fill="#ffffff"/>${parts.join('')}</svg>`;
}

function barChart(spec: BarChart): string {
  const top = heading(spec);
  const parts = [...top.parts];
  const labelWidth = 250;
  const x0 = 24 + labelWidth + 10;
  const x1 = CHART_WIDTH - 70;
  const stacked = spec.kind === 'stackedBar';
  const totals = spec.categories.map((_, i) => spec.series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const maxValue = stacked ? Math.max(0, ...totals) : Math.max(0, ...spec.series.flatMap((s) => s.values));
  const axisMax = niceMax(maxValue, spec.percent && !stacked);
  const scale = (v: number) => ((x1 - x0) * v) / axisMax;
  const grouped = !stacked && spec.series.length > 1;
  const barHeight = grouped ? 14 : 24;
  let y = top.y + 10;
  const plotTop = y;
  const rows: string[] = [];
  for (const [i, category] of spec.categories.entries()) {
    const label = wrapText(category, 34, 3);
    const bars = grouped ? spec.series.length : 1;
    const rowHeight = Math.max(label.length * 15 + 12, bars * (barHeight + 4) + 12);
    const mid = y + rowHeight / 2;
    rows.push(textLines(label, x0 - 10, mid - ((label.length - 1) * 15) / 2 + 4, 12, { anchor: 'end', lineHeight: 15 }));
    if (stacked) {
      let x = x0;
      for (const [j, s] of spec.series.entries()) {
        const v = s.values[i] ?? 0;
        const w = scale(v);
        rows.push(`<rect x="${x.toFixed(1)}" y="${(mid - barHeight / 2).toFixed(1)}" width="${w.toFixed(1)}" height="${barHeight}" fill="${CHART_PALETTE[j % CHART_PALETTE.length]}"/>`);
        // A segment's value inside it when it fits; the bar's total after it.
        if (v > 0 && w >= textWidth(fmt(v, false), 11) + 6) rows.push(textLines([fmt(v, false)], x + w / 2, mid + 4, 11, { anchor: 'middle', fill: j === 1 || j === 7 ? '#1a1a1a' : '#ffffff' }));
        x += w;
      }
      rows.push(textLines([fmt(totals[i]!, false)], x + 6, mid + 4, 12, { weight: 700 }));
    } else {
      for (const [j, s] of spec.series.entries()) {
        const v = s.values[i] ?? 0;
        const by = grouped ? mid - (bars * (barHeight + 4)) / 2 + j * (barHeight + 4) : mid - barHeight / 2;
        rows.push(`<rect x="${x0}" y="${by.toFixed(1)}" width="${scale(v).toFixed(1)}" height="${barHeight}" fill="${CHART_PALETTE[j % CHART_PALETTE.length]}"/>`);
        rows.push(textLines([fmt(v, spec.percent)], x0 + scale(v) + 6, by + barHeight / 2 + 4, 12, { weight: 700 }));
      }
    }
    y += rowHeight;
  }
  const plotBottom = y;
  // Grid and axis under the bars.
  for (let k = 0; k <= 5; k++) {
    const v = (axisMax * k) / 5;
    const x = x0 + scale(v);
    parts.push(`<line x1="${x.toFixed(1)}" y1="${plotTop}" x2="${x.toFixed(1)}" y2="${plotBottom}" stroke="${k === 0 ? '#1a1a1a' : '#dddddd'}" stroke-width="1"/>`);
    parts.push(textLines([fmt(v, spec.percent && !stacked)], x, plotBottom + 16, 11, { anchor: 'middle', fill: '#444' }));
  }
  parts.push(...rows);
  const leg = legend(spec.series, plotBottom + 26);
  parts.push(...leg.parts);
  const foot = footnote(spec.note, leg.y);
  parts.push(...foot.parts);
  return svg(parts, foot.y + 16, spec.title);
}

function lineChart(spec: LineChart): string {
  const top = heading(spec);
  const parts = [...top.parts];
  const x0 = 70;
  const x1 = CHART_WIDTH - 40;
  const plotTop = top.y + 20;
  const plotBottom = plotTop + 280;
  const maxValue = Math.max(0, ...spec.series.flatMap((s) => s.values));
  const axisMax = niceMax(maxValue, spec.percent);
  const n = spec.categories.length;
  const xAt = (i: number) => (n === 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * i) / (n - 1));
  const yAt = (v: number) => plotBottom - ((plotBottom - plotTop) * v) / axisMax;
  for (let k = 0; k <= 5; k++) {
    const v = (axisMax * k) / 5;
    parts.push(`<line x1="${x0}" y1="${yAt(v).toFixed(1)}" x2="${x1}" y2="${yAt(v).toFixed(1)}" stroke="${k === 0 ? '#1a1a1a' : '#dddddd'}"/>`);
    parts.push(textLines([fmt(v, spec.percent)], x0 - 8, yAt(v) + 4, 11, { anchor: 'end', fill: '#444' }));
  }
  spec.categories.forEach((c, i) => parts.push(textLines([c], xAt(i), plotBottom + 18, 12, { anchor: 'middle' })));
  for (const [j, s] of spec.series.entries()) {
    const colour = CHART_PALETTE[j % CHART_PALETTE.length]!;
    const points = s.values.map((v, i) => `${xAt(i).toFixed(1)},${yAt(v).toFixed(1)}`).join(' ');
    parts.push(`<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="2.5"/>`);
    s.values.forEach((v, i) => parts.push(`<circle cx="${xAt(i).toFixed(1)}" cy="${yAt(v).toFixed(1)}" r="4" fill="${colour}"/>`));
  }
  // Values beside the points, pushed apart per year so that lines close together keep readable labels.
  spec.categories.forEach((_, i) => {
    const at = spec.series.map((s, j) => ({ j, v: s.values[i] ?? 0 })).sort((a, b) => b.v - a.v);
    let prev = -Infinity;
    const last = i === n - 1 && n > 1;
    for (const { j, v } of at) {
      const y = Math.max(yAt(v) + 4, prev + 13);
      prev = y;
      const colour = CHART_PALETTE[j % CHART_PALETTE.length]!;
      parts.push(textLines([fmt(v, spec.percent)], xAt(i) + (last ? -9 : 9), y, 11, { anchor: last ? 'end' : 'start', fill: colour === '#F0E442' ? '#1a1a1a' : colour, weight: 700, halo: true }));
    }
  });
  const leg = legend(spec.series, plotBottom + 34);
  parts.push(...leg.parts);
  const foot = footnote(spec.note, leg.y);
  parts.push(...foot.parts);
  return svg(parts, foot.y + 16, spec.title);
}

export function chartSvg(spec: ChartSpec): string {
  return spec.kind === 'line' ? lineChart(spec) : barChart(spec);
}

/** The SVG's height, read back from its root element (for the Word document's image size). */
export function svgSize(svgText: string): { width: number; height: number } {
  const m = /<svg[^>]* width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svgText);
  return { width: Number(m?.[1] ?? CHART_WIDTH), height: Number(m?.[2] ?? 400) };
}
