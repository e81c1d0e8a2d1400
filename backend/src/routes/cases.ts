// GET /api/cases/:caseId: one case's derived state and its event timeline. A case outside the caller's scope
// is answered exactly like an unknown one (404), so case ids cannot be probed. Every view is audited.
import { createRoute, z } from '@hono/zod-openapi';
import { amsterdamDate, caseIdOf, stateOn, timeline, type CaseEvent } from '@pact/events';
import type { AppDeps } from '../app.ts';
import { inScope } from '../auth/roles.ts';
import { authorised, router, SECURITY } from '../http/context.ts';
import { ApiError, errorResponses } from '../http/errors.ts';
import { dayParam } from '../params.ts';

const State = z.record(z.string(), z.unknown()).openapi('CaseState', { description: 'De afgeleide toestand (events.md, "Derived case state")' });
const CaseView = z
  .object({
    caseId: z.string(),
    gemeente: z.string(),
    swv: z.string(),
    on: z.string(),
    state: State,
    timeline: z.array(z.object({ from: z.string(), to: z.string().nullable(), state: State })),
    events: z.array(
      z.object({ eventId: z.string(), type: z.string(), revision: z.number().int(), recordedAt: z.string(), retracted: z.boolean(), data: z.record(z.string(), z.unknown()) }),
    ),
  })
  .openapi('Case');

export function caseRoutes(deps: AppDeps) {
  const { runtime, auth } = deps;
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/{caseId}',
      summary: 'Eén casus: afgeleide toestand en tijdlijn',
      security: SECURITY,
      request: {
        params: z.object({ caseId: z.uuid().openapi({ param: { name: 'caseId', in: 'path' } }) }),
        query: z.object({ on: dayParam.optional().openapi({ description: 'Toestand op deze dag (standaard vandaag)' }) }),
      },
      responses: { 200: { description: 'De casus', content: { 'application/json': { schema: CaseView } } }, ...errorResponses(404) },
    }),
    async (c) => {
      const principal = authorised(c, 'read-case');
      const caseId = c.req.valid('param').caseId.toLowerCase();
      const stream = `case-${caseId}`;
      const events = caseIdOf(stream) ? ((await runtime.store.readStream(stream)) as (CaseEvent & { revision: number; recordedAt: string })[]) : [];
      const opened = events[0]?.type === 'CaseOpened' ? events[0] : undefined;
      if (!opened || !inScope(principal, opened.data)) throw new ApiError(404, 'NOT_FOUND', 'Onbekende casus');
      const on = c.req.valid('query').on ?? amsterdamDate(runtime.clock());
      const retracted = new Set(events.flatMap((e) => (e.type === 'EventRetracted' ? [e.data.retractedEventId] : [])));
      await auth.audit({ subject: principal.subject, role: principal.role, action: 'view', target: `cases/${caseId}` });
      return c.json(
        {
          caseId,
          gemeente: opened.data.gemeente,
          swv: opened.data.swv,
          on,
          state: stateOn(events, on) as Record<string, unknown>,
          timeline: timeline(events).map((s) => ({ from: s.from, to: s.to, state: s.state as Record<string, unknown> })),
          events: events.map((e) => ({ eventId: e.eventId, type: e.type, revision: e.revision, recordedAt: e.recordedAt, retracted: retracted.has(e.eventId), data: e.data as Record<string, unknown> })),
        },
        200,
      );
    },
  );
}
