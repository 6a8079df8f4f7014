/** What every chart shares and what needs no Chart.js: colours, series, and how long labels break. */

/** Okabe & Ito (2008): distinguishable with every common colour vision deficiency. Yellow last: weak on white. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];

export interface Series {
  label: string;
  data: number[];
}

export type ChartKind = 'horizontalBar' | 'stackedHorizontalBar' | 'line';

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
