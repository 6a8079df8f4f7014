/**
 * The year's annual report material (verksamhetsberättelse): the figures the Word document and the print view are
 * made of, gathered from the reports and the plan follow-up, so that they are the figures of the overview and the
 * plan page. The tables are as published: each row's percent rounded half up on its own.
 */
import type { UnitScope } from '../../db/unit-scope.ts';
import type { Lang } from '../../lib/lang.ts';
import { planEnglishNames, planFollowupInEnglish } from '../plan/plan-english-names.ts';
import { planFollowup } from '../plan/plan.service.ts';
import { exportMeta, reachReport, vbReport } from '../reports/reports.service.ts';
import type { AnnualReport } from './annual-report.schemas.ts';

/**
 * Swedish by default: the annual report is published in Swedish. English (lang=en) is for the owners and readers
 * who chose it: the headings and the registers' English names, as in the overview.
 */
export function annualReport(scope: UnitScope, year: number, lang: Lang = 'sv'): AnnualReport {
  const plan = planFollowup(scope, { year, asOf: `${year}-12-31`, lang });
  return {
    year,
    unitName: exportMeta(scope, String(year)).unitName,
    lang,
    vb: vbReport(scope, year, { rounding: 'halfUp', lang }),
    reach: reachReport(scope, { year, lang }),
    plan: lang === 'en' ? planFollowupInEnglish(plan, planEnglishNames(scope, year)) : plan,
  };
}
