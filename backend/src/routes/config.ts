// GET /api/config: the region configuration in force (metrics.md "Region configuration"), for the Definities page.
import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../app.ts';
import { authorised, router, SECURITY } from '../http/context.ts';
import { errorResponses } from '../http/errors.ts';
import { RegionConfigSchema } from './reports.ts';

export function configRoutes(deps: AppDeps) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'De regioconfiguratie die geldt: profiel, onderdrukking, 4 weken, de norm, overbrugde onderbrekingen, pauzemaanden, samenwerkingsverbanden',
      security: SECURITY,
      responses: { 200: { description: 'De configuratie', content: { 'application/json': { schema: RegionConfigSchema } } }, ...errorResponses() },
    }),
    (c) => {
      authorised(c, 'read-metrics');
      return c.json(deps.runtime.config.region, 200);
    },
  );
}
