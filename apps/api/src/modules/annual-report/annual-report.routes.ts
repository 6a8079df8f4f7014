import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/errors.ts';
import { attachment } from '../reports/report-export.ts';
import { REPORT_WORDS } from '../reports/report-words.ts';
import * as s from './annual-report.schemas.ts';
import * as svc from './annual-report.service.ts';
import { annualReportDocx } from './annual-report-docx.ts';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const annualReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/annual-report/:year', {
    config: { action: 'report:read' },
    schema: {
      tags: ['reports'],
      summary: 'Årets verksamhetsberättelse som underlag: tabellerna som publicerade, planens punkter per resultatmål, kommunernas deltagande',
      description: 'JSON för utskriftsvyn, eller med output=docx ett Word-dokument med tabeller, rubriker (Rubrik 1/2) och diagram i tryckupplösning. Svenska som standard (verksamhetsberättelsen ges ut på svenska); med lang=en rubriker, tabellhuvuden, diagram, registrens engelska namn och filnamnet på engelska.',
      params: s.annualReportParams, querystring: s.annualReportQuery,
      response: {
        200: {
          description: 'Underlaget som JSON, eller som Word-dokument (bifogad fil)',
          content: {
            'application/json': { schema: s.annualReport },
            [DOCX_TYPE]: { schema: z.string().meta({ format: 'binary', description: 'Word-dokument (.docx)' }) },
          },
        },
        ...errorResponses,
      },
    },
  }, async (req, reply) => {
    const data = svc.annualReport(req.scope, req.params.year, req.query.lang);
    if (req.query.output === 'json') return data;
    const docx = await annualReportDocx(req.scope, data);
    return attachment(reply, `${REPORT_WORDS[data.lang].annualReport.file}-${data.year}.docx`, DOCX_TYPE).send(docx);
  });
};
