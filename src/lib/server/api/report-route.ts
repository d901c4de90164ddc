// GET /api/report: the monthly report of one org unit in the caller's scope, as a PDF (a download
// every role may take, audited as an export) or as JSON for the print view.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { monthlyReportData } from '../report/monthly-data';
import { reportPdf } from '../report/report-pdf';
import type { Warehouse } from '../warehouse';
import { getOnly, signedIn, type ApiEnv, type Audit } from './access';
import { ERROR_RESPONSES, ReportBody, ReportParams } from './schemas';

export const reportRoute = createRoute({
  method: 'get',
  path: '/report',
  summary: 'The monthly report of an org unit: KPI table (value, target, previous month, same month last year) and trend charts',
  request: { query: ReportParams },
  responses: {
    200: {
      description: 'The report as a PDF, or its figures as JSON',
      content: {
        'application/pdf': { schema: { type: 'string' as const, format: 'binary' } },
        'application/json': { schema: ReportBody }
      }
    },
    ...ERROR_RESPONSES
  }
});

export function mountReport(app: OpenAPIHono<ApiEnv>, warehouse: Warehouse, audit: Audit): void {
  app.openapi(reportRoute, async (c) => {
    const caller = signedIn(c);
    const params = c.req.valid('query');
    const report = await warehouse.use((connection, snapshot) => monthlyReportData(connection, snapshot, caller, params.org, params.month));
    c.header('Cache-Control', 'private, no-store');
    if (params.format === 'json') return c.json(report, 200);
    getOnly(c);
    const pdf = await reportPdf(report, params.lang);
    audit(c, {
      action: 'export',
      detail: { indicator: 'monthly_report', filters: { org: report.org.code, month: report.month }, format: 'pdf', lang: params.lang },
      rows: report.kpis.length
    });
    c.header('Content-Type', 'application/pdf');
    c.header('Content-Disposition', `attachment; filename="report_${report.org.code}_${report.month}.pdf"`);
    return c.body(new Uint8Array(pdf), 200);
  });
}
