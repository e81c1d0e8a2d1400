// GET /api/exports/cases: the cumulative anonymised case list for the Inspectie (beleid and admin), CSV or xlsx.
import { createRoute, z } from '@hono/zod-openapi';
import { amsterdamDate } from '@pact/events';
import type { AppDeps } from '../app.ts';
import { queryScope } from '../auth/roles.ts';
import { caseList, caseListTable } from '../exports/case-list.ts';
import { XLSX_TYPE, tableXlsx } from '../exports/xlsx.ts';
import { authorised, router, SECURITY } from '../http/context.ts';
import { CSV_TYPE, download } from '../http/download.ts';
import { errorResponses } from '../http/errors.ts';
import { asOfParam, dayParam } from '../params.ts';
import { tableCsv } from '../reports/csv.ts';
import { ScopeQuery } from './reports.ts';

export function exportRoutes(deps: AppDeps) {
  const { runtime, auth } = deps;
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/cases',
      summary: 'Cumulatieve geanonimiseerde casuslijst (Inspectie, per kwartaal): één regel per casus',
      security: SECURITY,
      request: {
        query: z.object({
          on: dayParam.optional().openapi({ description: 'Peildatum, bijvoorbeeld het einde van het kwartaal (standaard vandaag)' }),
          ...ScopeQuery,
          asOf: asOfParam.optional().openapi({ type: 'string' }),
          format: z.enum(['csv', 'xlsx']).optional().openapi({ description: 'csv (standaard) of xlsx' }),
        }),
      },
      responses: { 200: { description: 'De lijst als bestand', content: { 'text/csv': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses() },
    }),
    async (c) => {
      const principal = authorised(c, 'export-cases');
      const query = c.req.valid('query');
      const scope = queryScope(principal, query);
      const options = { on: query.on ?? amsterdamDate(runtime.clock()), profile: query.profile ?? runtime.config.region.defaultProfile, scope, asOf: query.asOf, config: runtime.config.region };
      const rows = await caseList(runtime.db, runtime.store, options);
      const now = runtime.clock();
      const table = caseListTable(rows, options, now);
      const format = query.format ?? 'csv';
      const name = `casuslijst-${options.on}-${[scope.gemeente, scope.swv].filter(Boolean).join('-') || 'regio'}`;
      await auth.audit({ subject: principal.subject, role: principal.role, action: 'export', target: 'exports/cases', params: { on: options.on, profile: options.profile, scope, asOf: options.asOf?.toISOString() ?? null, format, rows: rows.length } });
      return (format === 'xlsx' ? download(c, await tableXlsx(table, 'Casuslijst', now), XLSX_TYPE, `${name}.xlsx`) : download(c, tableCsv(table), CSV_TYPE, `${name}.csv`)) as never;
    },
  );
}
