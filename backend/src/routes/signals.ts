// GET /api/signals: the signal list for the monthly overleg (case ids: registrator, beleid, admin), in scope, as it
// could be made at `asOf` (default now).
import { createRoute, z } from '@hono/zod-openapi';
import { amsterdamDate, waitingFor } from '@pact/events';
import { AGE_BANDS, SIGNAL_GROUPS, SIGNAL_LEVELS, signalList } from '@pact/projections';
import type { AppDeps } from '../app.ts';
import { queryScope } from '../auth/roles.ts';
import { authorised, router, SECURITY } from '../http/context.ts';
import { CSV_TYPE, download, requestedFormat } from '../http/download.ts';
import { errorResponses } from '../http/errors.ts';
import { asOfParam, dayParam } from '../params.ts';
import { signalsCsv } from '../reports/signals-csv.ts';
import { ScopeQuery } from './reports.ts';

const Signal = z
  .object({
    caseId: z.string(),
    group: z.enum(SIGNAL_GROUPS),
    level: z.enum(SIGNAL_LEVELS),
    spellStart: z.string(),
    daysOut: z.number().int(),
    normOn: z.string(),
    plan: z.object({ status: z.enum(['geldig', 'verlopen']), reviewOn: z.string(), since: z.string().optional() }).nullable(),
    offer: z.object({ kind: z.string(), start: z.string() }).nullable(),
    waitlists: z.array(z.enum(waitingFor.options)),
    escalation: z.enum(['actietafel', 'bestuurlijk']).nullable(),
    lastDiscussed: z.object({ forum: z.literal('leerplicht_swv'), on: z.string() }).nullable(),
    discussedThisMonth: z.boolean(),
    gemeente: z.string(),
    swv: z.string(),
    sector: z.string(),
    ageBand: z.enum(AGE_BANDS),
  })
  .openapi('Signal');
const SignalList = z
  .object({ on: z.string(), profile: z.string(), scope: z.object({ gemeente: z.string().optional(), swv: z.string().optional() }), asOf: z.string().nullable(), signals: z.array(Signal) })
  .openapi('SignalList');

export function signalRoutes(deps: AppDeps) {
  const { runtime, auth } = deps;
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'De signaleringslijst: open casussen die langer dan 4 weken thuis zijn, tot en over de norm',
      security: SECURITY,
      request: {
        query: z.object({
          on: dayParam.optional().openapi({ description: 'Peildatum (standaard vandaag)', example: '2024-03-01' }),
          ...ScopeQuery,
          asOf: asOfParam.optional().openapi({ description: 'Stand van registratie: de lijst zoals die toen gemaakt kon worden', type: 'string' }),
          format: z.enum(['json', 'csv']).optional(),
        }),
      },
      responses: { 200: { description: 'De lijst', content: { 'application/json': { schema: SignalList }, 'text/csv': { schema: z.string() } } }, ...errorResponses() },
    }),
    async (c) => {
      const principal = authorised(c, 'read-signals');
      const query = c.req.valid('query');
      const scope = queryScope(principal, query);
      const config = runtime.config.region;
      const on = query.on ?? amsterdamDate(query.asOf ?? runtime.clock());
      const profile = query.profile ?? config.defaultProfile;
      const list = await signalList(runtime.db, on, { profile, scope, asOf: query.asOf, config });
      const format = requestedFormat(c, query.format);
      await auth.audit({ subject: principal.subject, role: principal.role, action: format === 'json' ? 'view' : 'export', target: 'signals', params: { on, profile, scope, asOf: list.asOf, format, count: list.signals.length } });
      if (format === 'csv') return download(c, signalsCsv(list, config), CSV_TYPE, `signalen-${on}.csv`) as never;
      return c.json(list, 200);
    },
  );
}
