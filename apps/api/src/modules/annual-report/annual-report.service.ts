/**
 * The year's annual report material (verksamhetsberättelse): the figures the Word document and the print view are
 * made of, gathered from the reports and the plan follow-up, so that they are the figures of the overview and the
 * plan page. The tables are as published: each row's percent rounded half up on its own.
 */
import type { UnitScope } from '../../db/unit-scope.ts';
import { planFollowup } from '../plan/plan.service.ts';
import { exportMeta, reachReport, vbReport } from '../reports/reports.service.ts';
import type { AnnualReport } from './annual-report.schemas.ts';

export function annualReport(scope: UnitScope, year: number): AnnualReport {
  return {
    year,
    unitName: exportMeta(scope, String(year)).unitName,
    // The Word document and the print view are written in Swedish, the language the annual report is published in.
    vb: vbReport(scope, year, { rounding: 'halfUp', lang: 'sv' }),
    reach: reachReport(scope, { year, lang: 'sv' }),
    plan: planFollowup(scope, { year, asOf: `${year}-12-31`, lang: 'sv' }),
  };
}
