// GET /api/metrics: the metric catalogue (id, Dutch label, definition, formula, unit).
import { createRoute, z } from '@hono/zod-openapi';
import { describeCatalogue } from '@pact/projections';
import type { AppDeps } from '../app.ts';
import { authorised, router, SECURITY } from '../http/context.ts';
import { CSV_TYPE, download, requestedFormat } from '../http/download.ts';
import { errorResponses } from '../http/errors.ts';
import { metricsCsv } from '../reports/metrics-csv.ts';

const Metric = z
  .object({
    id: z.string(),
    label: z.string(),
    type: z.enum(['stock', 'period']),
    unit: z.enum(['kinderen', 'casussen', 'aandeel', 'maanden', 'blokken', 'overleggen']),
    definition: z.string(),
    formula: z.string(),
    target: z.string().nullable(),
  })
  .openapi('Metric');

export function metricRoutes(deps: AppDeps) {
  const config = deps.runtime.config.region;
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'De catalogus van cijfers, met de regioconfiguratie in de teksten',
      security: SECURITY,
      request: { query: z.object({ format: z.enum(['json', 'csv']).optional() }) },
      responses: { 200: { description: 'Elk cijfer met zijn definitie', content: { 'application/json': { schema: z.array(Metric) }, 'text/csv': { schema: z.string() } } }, ...errorResponses() },
    }),
    (c) => {
      authorised(c, 'read-metrics');
      if (requestedFormat(c, c.req.valid('query').format) === 'csv') return download(c, metricsCsv(config), CSV_TYPE, 'definities.csv') as never;
      return c.json(describeCatalogue(config), 200);
    },
  );
}
