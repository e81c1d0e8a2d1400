// GET /api/meetings: the meetings recorded for a scope in a period (not retracted), so a registrator can see what
// was recorded and retract one registered by mistake (an EventRetracted of its MeetingHeld, through POST /api/events).
import { createRoute, z } from '@hono/zod-openapi';
import { meetingForum, type MeetingEvent } from '@pact/events';
import { scopedMeetings } from '@pact/projections';
import type { AppDeps } from '../app.ts';
import { queryScope } from '../auth/roles.ts';
import { authorised, router, SECURITY } from '../http/context.ts';
import { ApiError, errorResponses } from '../http/errors.ts';
import { dayParam, gemeenteParam, swvParam } from '../params.ts';

const RecordedMeeting = z
  .object({
    meetingId: z.string(),
    /** The eventId of its MeetingHeld: what a retraction names. */
    eventId: z.string(),
    forum: z.enum(meetingForum.options),
    gemeente: z.string().nullable(),
    swv: z.string().nullable(),
    on: z.string(),
    casesDiscussed: z.number().int(),
  })
  .openapi('RecordedMeeting');

export function meetingRoutes(deps: AppDeps) {
  const { runtime } = deps;
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'De vastgelegde overleggen van een bereik in een periode (ingetrokken overleggen niet)',
      security: SECURITY,
      request: {
        query: z.object({
          from: dayParam.openapi({ example: '2024-03-01' }),
          to: dayParam.openapi({ example: '2024-03-31' }),
          gemeente: gemeenteParam.optional(),
          swv: swvParam.optional(),
        }),
      },
      responses: { 200: { description: 'De overleggen, oudste eerst', content: { 'application/json': { schema: z.object({ meetings: z.array(RecordedMeeting) }) } } }, ...errorResponses() },
    }),
    async (c) => {
      const principal = authorised(c, 'read-signals');
      const query = c.req.valid('query');
      if (query.to < query.from) throw new ApiError(400, 'INVALID_PERIOD', 'De einddatum ligt voor de begindatum', [{ field: 'to', code: 'INVALID_FIELD', message: 'De einddatum ligt voor de begindatum' }]);
      const scope = queryScope(principal, query);
      const meetings = await scopedMeetings(runtime.db, { scope, from: query.from, to: query.to, config: runtime.config.region });
      const streams = await runtime.store.readStreams(meetings.map((m) => `meeting-${m.id}`));
      const list = meetings.flatMap((m) => {
        const held = streams.get(`meeting-${m.id}`)?.find((e): e is MeetingEvent & typeof e => e.type === 'MeetingHeld');
        return held ? [{ meetingId: m.id, eventId: held.eventId, forum: m.forum, gemeente: m.gemeente, swv: m.swv, on: m.on, casesDiscussed: held.data.casesDiscussed }] : [];
      });
      return c.json({ meetings: list }, 200);
    },
  );
}
