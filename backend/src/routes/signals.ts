// GET /api/signals: the signal list for the monthly overleg (case ids: registrator, beleid, admin), in scope.
import { createRoute, z } from '@hono/zod-openapi';
import { amsterdamDate } from '@pact/events';
import { signalList } from '@pact/projections';
import type { AppDeps } from '../app.ts';
import { queryScope } from '../auth/roles.ts';
import { authorised, router, SECURITY } from '../http/context.ts';
import { CSV_TYPE, download, requestedFormat } from '../http/download.ts';
import { errorResponses } from '../http/errors.ts';
import { dayParam } from '../params.ts';
import { signalsCsv } from '../reports/signals-csv.ts';
import { ScopeQuery } from './reports.ts';

const Signal = z
  .object({
    caseId: z.string(),
    gemeente: z.string(),
    swv: z.string(),
    sector: z.string(),
    level: z.enum(['overschreden', 'dreigend', 'aandacht', 'gedekt']),
    spellStart: z.string(),
    daysOut: z.number().int(),
    normOn: z.string(),
    covered: z.boolean(),
    plan: z.object({ accountableRole: z.string(), planKind: z.string(), since: z.string(), reviewOn: z.string(), reviewOverdue: z.boolean() }).nullable(),
    offer: z.object({ offerKind: z.string(), since: z.string() }).nullable(),
    waitlists: z.array(z.object({ waitingFor: z.string(), since: z.string() })),
    lastDiscussed: z.object({ forum: z.string(), on: z.string() }).nullable(),
  })
  .openapi('Signal');
const SignalList = z.object({ on: z.string(), profile: z.string(), scope: z.object({ gemeente: z.string().optional(), swv: z.string().optional() }), signals: z.array(Signal) }).openapi('SignalList');

export function signalRoutes(deps: AppDeps) {
  const { runtime, auth } = deps;
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'De signaleringslijst: open casussen op of bij de 3-maandennorm',
      security: SECURITY,
      request: { query: z.object({ on: dayParam.optional().openapi({ description: 'Peildatum (standaard vandaag)', example: '2024-03-01' }), ...ScopeQuery, format: z.enum(['json', 'csv']).optional() }) },
      responses: { 200: { description: 'De lijst', content: { 'application/json': { schema: SignalList }, 'text/csv': { schema: z.string() } } }, ...errorResponses() },
    }),
    async (c) => {
      const principal = authorised(c, 'read-signals');
      const query = c.req.valid('query');
      const scope = queryScope(principal, query);
      const on = query.on ?? amsterdamDate(runtime.clock());
      const profile = query.profile ?? 'officieel';
      const signals = await signalList(runtime.db, runtime.store, on, { profile, scope });
      const format = requestedFormat(c, query.format);
      await auth.audit({ subject: principal.subject, role: principal.role, action: format === 'json' ? 'view' : 'export', target: 'signals', params: { on, profile, scope, format, count: signals.length } });
      if (format === 'csv') return download(c, signalsCsv(on, signals), CSV_TYPE, `signalen-${on}.csv`) as never;
      return c.json({ on, profile, scope, signals }, 200);
    },
  );
}
