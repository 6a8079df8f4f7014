/**
 * The annual report's material as a Word document (.docx, written with the `docx` package), in the structure of the
 * unit's own reports (VB 2018): the section "Intern uppföljning av VP" with the area and goal tables as published
 * and their charts, the plan's items per result goal, and the municipalities reached. Real Word tables and the
 * built-in heading styles (Heading1/Heading2/Heading3, which Swedish Word shows as Rubrik 1/2/3), so that the chief
 * can edit and restyle it; charts as PNG at print resolution (2000 px across the text width).
 *
 * EXTENSION POINT: the document is the list ANNUAL_REPORT_SECTIONS below, one builder per section, in order. A new
 * section is one more `AnnualReportSection` added to that list (the owners' value table and the event evaluations are):
 * it gets the year's data, the unit scope and the document's words (REPORT_WORDS in data.lang) in `ctx` (read what it needs through its own module's service with
 * `ctx.scope`) and returns the paragraphs and tables it contributes, starting with its Heading1. Every section after
 * the first begins on a new page.
 */
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun,
  WidthType, type FileChild,
} from 'docx';
import type { UnitScope } from '../../db/unit-scope.ts';
import { chartSvg } from '../../lib/chart-svg.ts';
import { pngSize, svgToPng } from '../../lib/chart-png.ts';
import { PLAN_STATUS_LABELS, PLAN_STATUS_LABELS_EN, typesText } from '../plan/plan-export.ts';
import { evaluationReport } from '../evaluations/evaluation.service.ts';
import { chartSpec } from '../reports/report-charts.ts';
import { ownersTable } from '../reports/reports.service.ts';
import { REPORT_WORDS, type ReportWords } from '../reports/report-words.ts';
import type { ChartId } from '../reports/reports.schemas.ts';
import type { AnnualReport } from './annual-report.schemas.ts';

export interface AnnualReportContext {
  data: AnnualReport;
  scope: UnitScope;
  /** The document's words, in its language (data.lang): Swedish unless English was asked for. */
  words: ReportWords;
  /** A chart of the year as an image paragraph at print resolution, drawn as the overview's download is. */
  chart(id: ChartId): Promise<Paragraph>;
}

export interface AnnualReportSection {
  /** Names the section (for tests and for the lead's ordering); not shown. */
  id: string;
  build(ctx: AnnualReportContext): Promise<FileChild[]> | FileChild[];
}

const nf = new Intl.NumberFormat('sv-SE');
const nf1 = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const num = (n: number) => nf.format(n).replace(/\u00a0/g, ' ');
/** The text column of an A4 page with Word's default margins, in pixels at 96 dpi (about 16 cm). */
const TEXT_WIDTH_PX = 604;

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore = false) =>
  new Paragraph({ text, heading: level, pageBreakBefore });
const para = (text: string) => new Paragraph({ children: [new TextRun(text)], spacing: { after: 120 } });
const labelled = (label: string, text: string) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)], spacing: { after: 80 } });
const note = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true, size: 18 })], spacing: { before: 80, after: 200 } });

const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
function cell(text: string, opts: { bold?: boolean; right?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold: opts.bold ?? false })] })],
    ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

/** A Word table: a header row (repeated on every page), the rows, and a bold Totalt row when given. */
function table(headers: string[], rows: string[][], total?: string[], widths?: number[]): Table {
  const numeric = (j: number) => j > 0;
  const row = (cells: string[], bold: boolean, header = false) => new TableRow({
    tableHeader: header,
    children: cells.map((c, j) => cell(c, { bold, right: numeric(j), ...(widths?.[j] ? { width: widths[j] } : {}) })),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [row(headers, true, true), ...rows.map((r) => row(r, false)), ...(total ? [row(total, true)] : [])],
  });
}

// ---------------------------------------------------------------------------------------------------------
// The sections

const titleSection: AnnualReportSection = {
  id: 'titel',
  build: ({ data, words: { annualReport: w } }) => [
    new Paragraph({ text: w.title(data.year), heading: HeadingLevel.TITLE }),
    para(w.intro(data.unitName, data.year)),
    para(w.roundingIntro),
  ],
};

const vbSection: AnnualReportSection = {
  id: 'intern-uppfoljning',
  async build({ data, chart, words }) {
    const { vb, reach } = data;
    const w = words.annualReport;
    const out: FileChild[] = [heading(w.vbHeading, HeadingLevel.HEADING_1)];
    if (vb.activityCount === 0) {
      out.push(para(w.none(data.year)));
      return out;
    }
    out.push(para(w.vbLead(data.year, num(vb.activityCount), reach.reachedCount, reach.municipalityCount)));
    for (const t of vb.tables) {
      out.push(heading(t.title, HeadingLevel.HEADING_2));
      out.push(table([t.title, words.count, t.columnTitle], t.rows.map((r) => [r.label, num(r.count), `${r.percent} %`]), [t.total.label, num(t.total.count), `${t.total.percent} %`], [64, 16, 20]));
      const renamed = t.rows.filter((r) => r.registerName);
      for (const r of renamed) out.push(note(w.renamed(r.label, r.registerName!)));
      if (t.note) out.push(note(t.note));
      out.push(await chart(t.id));
    }
    return out;
  },
};

const planSection: AnnualReportSection = {
  id: 'verksamhetsplanen',
  build({ data, words: { annualReport: w } }) {
    const { plan, reach } = data;
    const statuses = data.lang === 'en' ? PLAN_STATUS_LABELS_EN : PLAN_STATUS_LABELS;
    const out: FileChild[] = [heading(w.planHeading(data.year), HeadingLevel.HEADING_1, true)];
    if (plan.items.length === 0) {
      out.push(para(w.noPlan(data.year)));
      return out;
    }
    out.push(para(w.planLead(num(plan.totals.planned), num(plan.totals.withActivity))));
    for (const goal of plan.goals) {
      const items = plan.items.filter((i) => i.goal.key === goal.key);
      if (!items.length) continue;
      out.push(heading(goal.name, HeadingLevel.HEADING_2));
      for (const item of items) {
        out.push(heading(item.title, HeadingLevel.HEADING_3));
        out.push(labelled(w.status, statuses[item.status]));
        out.push(labelled(w.area, item.area.name));
        if (item.planned.length) out.push(labelled(w.planned, item.planned.join('; ')));
        out.push(labelled(w.outcome, item.outcome ?? w.noOutcome));
        if (item.staff.length) out.push(labelled(w.staff, item.staff.join(', ')));
        const s = item.summary;
        out.push(labelled(w.activities, item.activityCount
          ? `${num(item.activityCount)}${s.types.length ? ` (${typesText(s.types)})` : ''}`
          : w.noActivities));
        if (item.activityCount) {
          out.push(labelled(w.reached, s.municipalities.length
            ? w.reachedOf(s.municipalities.length, reach.municipalityCount, s.municipalities.map((m) => m.name).join(', '))
            : w.noneGiven));
          out.push(labelled(w.participants, s.activitiesWithParticipants
            ? w.participantsText(num(s.participants), s.activitiesWithParticipants, item.activityCount)
            : w.noParticipants));
        }
      }
    }
    return out;
  },
};

const reachSection: AnnualReportSection = {
  id: 'kommuner',
  async build({ data, chart, words }) {
    const r = data.reach;
    const w = words.annualReport;
    const out: FileChild[] = [heading(w.reachHeading, HeadingLevel.HEADING_1, true)];
    if (r.total === 0) {
      out.push(para(w.none(data.year)));
      return out;
    }
    out.push(para(w.reachLead(r.reachedCount, r.municipalityCount, data.year, r.notReached.length ? r.notReached.map((m) => m.name).join(', ') : null)));
    out.push(table([words.reach.municipality, words.reach.activities, words.reach.percent], r.municipalities.map((m) => [m.name, num(m.count), `${m.percent} %`]), [words.reach.total, num(r.total), ''], [50, 25, 25]));
    out.push(note(w.reachNote));
    out.push(await chart('kommuner'));
    return out;
  },
};

const sharePct = (x: number | null) => (x === null ? '–' : `${nf1.format(Math.round(x * 1000) / 10)} %`);
const pct = (x: number | null) => (x === null ? '–' : `${nf1.format(Math.round(x * 10) / 10)} %`);
// One decimal always, as VB 2023 writes a mean rating (8,0, not 8).
const mean = (x: number | null) => (x === null ? '–' : (Math.round(x * 10) / 10).toFixed(1).replace('.', ','));

/** What each owner municipality paid and got: the owners' value table (reports.service.ts ownersTable). */
const ownersSection: AnnualReportSection = {
  id: 'agarkommuner',
  build({ data, scope, words }) {
    const o = ownersTable(scope, data.year, data.lang);
    const w = words.annualReport;
    const out: FileChild[] = [heading(w.ownersHeading, HeadingLevel.HEADING_1, true)];
    if (o.totals.activities === 0) {
      out.push(para(w.none(data.year)));
      return out;
    }
    out.push(para(w.ownersLead(data.year)));
    out.push(table(
      w.ownersHeaders,
      o.owners.map((m) => [m.name, m.feeSek === null ? '–' : num(m.feeSek), sharePct(m.feeShare), `${num(m.activities)} (${num(m.own)} / ${num(m.shared)} / ${num(m.open)})`, sharePct(m.activityShare), num(m.participants), sharePct(m.participantShare), num(m.planItems)]),
      [words.total, num(o.totals.feeSek), '100 %', num(o.totals.withOwner), '100 %', num(o.totals.participants), '', ''],
      [16, 12, 11, 19, 11, 10, 11, 10],
    ));
    out.push(note(w.ownersNote(o.ownersDefinition, num(o.totals.sharedWithoutSplit), num(o.totals.noOwnerMunicipality), num(o.totals.noMunicipalityGiven))));
    return out;
  },
};

/** What participants thought of the year's evaluated events (evaluation.service.ts evaluationReport). */
const evaluationsSection: AnnualReportSection = {
  id: 'utvarderingar',
  build({ data, scope, words: { annualReport: w } }) {
    const r = evaluationReport(scope, { year: data.year, groupBy: 'event' });
    const out: FileChild[] = [heading(w.evaluationsHeading, HeadingLevel.HEADING_1, true)];
    if (r.events.length === 0) {
      out.push(para(w.noEvaluations(data.year)));
      return out;
    }
    out.push(para(w.evaluationsLead(data.year)));
    out.push(table(
      w.evaluationsHeaders,
      r.events.map((e) => [`${e.title} (${e.date})${e.figures.source === 'aggregate' ? ' *' : ''}`, e.registered === null ? '–' : num(e.registered), num(e.figures.answers), pct(e.responseRate), mean(e.figures.ratingMean), pct(e.figures.usefulFullyOrHigh), pct(e.figures.affectsYesOrPartly)]),
      undefined,
      [34, 9, 8, 11, 10, 14, 14],
    ));
    const aggregates = r.events.filter((e) => e.figures.source === 'aggregate').length;
    out.push(note(w.evaluationsNote(aggregates > 0)));
    return out;
  },
};

/** The document, section by section. */
export const ANNUAL_REPORT_SECTIONS: AnnualReportSection[] = [titleSection, vbSection, planSection, reachSection, ownersSection, evaluationsSection];

/** A chart as an image paragraph: the 2000 px PNG shown across the text width, so about 300 dpi in print. */
async function chartParagraph(scope: UnitScope, data: AnnualReport, id: ChartId): Promise<Paragraph> {
  const spec = chartSpec(scope, id, { year: data.year, rounding: 'halfUp', format: 'png', lang: data.lang });
  const png = await svgToPng(chartSvg(spec));
  const { width, height } = pngSize(png);
  return new Paragraph({
    spacing: { before: 120, after: 240 },
    children: [new ImageRun({ type: 'png', data: png, transformation: { width: TEXT_WIDTH_PX, height: Math.round((TEXT_WIDTH_PX * height) / width) }, altText: { name: spec.title, title: spec.title, description: `${spec.title}, ${spec.subtitle}` } })],
  });
}

export async function annualReportDocx(scope: UnitScope, data: AnnualReport, sections = ANNUAL_REPORT_SECTIONS): Promise<Buffer> {
  const words = REPORT_WORDS[data.lang];
  const ctx: AnnualReportContext = { data, scope, words, chart: (id) => chartParagraph(scope, data, id) };
  const children: FileChild[] = [];
  for (const section of sections) children.push(...(await section.build(ctx)));
  const doc = new Document({
    creator: data.unitName,
    title: words.annualReport.title(data.year),
    description: words.annualReport.description(data.unitName, data.year),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
