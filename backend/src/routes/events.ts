// POST /api/events: append events, all or nothing, idempotent by eventId, with optional expected revisions.
// Body: a JSON array of events, an object `{ events, expectedRevision }`, or NDJSON (application/x-ndjson).
import { createRoute, z } from '@hono/zod-openapi';
import { STREAM_NAME, type RuleCode } from '@pact/events';
import type { AppDeps } from '../app.ts';
import { inScope, type Principal } from '../auth/roles.ts';
import { authorised, router, SECURITY } from '../http/context.ts';
import { ApiError, errorResponses } from '../http/errors.ts';
import { ingest, MAX_ERRORS, readNdjson, type IngestCode, type IngestInput, type IngestOptions, type LineError } from '../ingest.ts';

/** At most this many events in one request; a larger load goes in parts, or through `npm run pact -- import`. */
export const MAX_EVENTS_PER_REQUEST = 5_000;

const Revision = z.union([z.number().int().min(0), z.enum(['no_stream', 'any'])], { error: 'Ongeldige revisie: verwacht een geheel getal ≥ 0, "no_stream" of "any"' });
const Stream = z.string().regex(STREAM_NAME, { error: 'Ongeldige stream: verwacht case-<uuid> of meeting-<uuid> (kleine letters)' });
// zod leaves a key `__proto__` out of a record without a word: refuse it before, as any other key that is no stream.
const noProtoKey = (value: unknown, ctx: z.RefinementCtx) => {
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')) ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'Ongeldige stream: verwacht case-<uuid> of meeting-<uuid> (kleine letters)' });
  return value;
};
const ExpectedRevisions = z.preprocess(noProtoKey, z.record(Stream, Revision));
const EventsBody = z
  .union([z.array(z.unknown()), z.strictObject({ events: z.array(z.unknown()), expectedRevision: ExpectedRevisions.optional() })], {
    error: 'Verwacht een lijst events, of een object { events, expectedRevision }',
  })
  .openapi('EventsBody', { description: `Een lijst events, of { events, expectedRevision: { "<stream>": revisie } }; hoogstens ${MAX_EVENTS_PER_REQUEST} events` });
const Appended = z.object({ appended: z.number().int(), duplicates: z.number().int(), revisions: z.record(z.string(), z.number().int()) }).openapi('Appended');

/** Rule codes (decide) are 422; out of scope is 403; everything else (schema, privacy, JSON) is 400. */
const RULE_CODES = new Set<string>([
  'CASE_NOT_OPENED', 'CASE_ALREADY_OPENED', 'CASE_RETRACTED', 'CASE_CLOSED', 'EFFECTIVE_BEFORE_OPENING', 'EFFECTIVE_IN_FUTURE',
  'BIRTH_YEAR_OUT_OF_RANGE', 'NO_ACTIVE_EXEMPTION', 'NO_ACTIVE_REDUCED_TIMETABLE', 'NO_ACTIVE_PLAN', 'NO_RUNNING_OFFER', 'NOT_ON_WAITLIST',
  'RETRACTED_EVENT_NOT_FOUND', 'ALREADY_RETRACTED', 'RETRACTION_NOT_RETRACTABLE', 'MEETING_ALREADY_RECORDED', 'MEETING_NOT_RECORDED',
  'EFFECTIVE_BEFORE_MEETING', 'RECORDED_AT_BACKWARDS',
  'RECORDED_AT_IN_FUTURE', 'EVENT_ID_REUSED', 'STREAM_ERASED',
] satisfies (RuleCode | IngestCode)[]);

/** The status of a refusal, by the codes of all its errors. */
export function statusOfErrors(codes: readonly string[]): 400 | 403 | 422 {
  if (codes.includes('OUT_OF_SCOPE')) return 403;
  return codes.every((code) => RULE_CODES.has(code)) ? 422 : 400;
}

/**
 * The scope check for a registrator. A meeting's every code (gemeente and/or swv) must be the writer's, or one
 * could add meetings to another's figures. A case belongs to both its gemeente and its swv, and a registrator of
 * either side records it naming the other (a leerplichtambtenaar names the child's school's swv): its CaseOpened
 * needs one code of the writer's own. (Requiring both would make every leerplichtambtenaar's scope hold swvs, and
 * so let them read the cases of other gemeenten in those swvs.) A case is theirs when its CaseOpened (stored, or
 * earlier in this request) names one of their codes; a meeting (and a retraction of it) when its MeetingHeld's codes
 * are. Another's existing case or meeting is hidden: a write to it is answered, to the byte, as one to a stream that
 * does not exist, and a CaseOpened on its stream as one on a taken stream of their own (CASE_ALREADY_OPENED), so ids
 * cannot be probed beyond "taken".
 */
export function scopeGuard(principal: Principal): NonNullable<IngestOptions['authorise']> {
  const opened = new Map<string, { gemeente?: string; swv?: string }>();
  return (event, history) => {
    if (event.type === 'MeetingHeld') {
      opened.set(event.stream, event.data);
      return outOfScope(principal, event.data);
    }
    if (event.type === 'CaseOpened') {
      opened.set(event.stream, event.data);
      return inScope(principal, event.data) ? undefined : outOfScope(principal, { gemeente: event.data.gemeente });
    }
    const first = history[0];
    const codes = first?.type === 'CaseOpened' || first?.type === 'MeetingHeld' ? first.data : opened.get(event.stream);
    if (!codes || inScope(principal, codes)) return undefined; // an unopened case: decide() says so
    return 'hidden';
  };
}

/** The first code of an event that is not the writer's, as a line error naming its field (never its value). */
function outOfScope(principal: Principal, codes: { gemeente?: string; swv?: string }): Omit<LineError, 'line'> | undefined {
  if (codes.gemeente !== undefined && !inScope(principal, { gemeente: codes.gemeente })) {
    return { field: 'data.gemeente', code: 'OUT_OF_SCOPE', message: 'Deze gemeente valt buiten uw bereik: u kunt alleen registreren voor de gemeenten en samenwerkingsverbanden van uw account' };
  }
  if (codes.swv !== undefined && !inScope(principal, { swv: codes.swv })) {
    return { field: 'data.swv', code: 'OUT_OF_SCOPE', message: 'Dit samenwerkingsverband valt buiten uw bereik: u kunt alleen registreren voor de gemeenten en samenwerkingsverbanden van uw account' };
  }
  return undefined;
}

export function eventRoutes(deps: AppDeps) {
  const { runtime } = deps;
  return router().openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Events toevoegen: alles of niets, idempotent op eventId',
      security: SECURITY,
      request: {
        query: z.object({ historical: z.enum(['true', 'false']).optional().openapi({ description: 'Alleen admin: recordedAt uit de invoer overnemen (historische import)' }) }),
        body: {
          content: {
            'application/json': { schema: EventsBody },
            'application/x-ndjson': { schema: z.string().openapi({ description: 'Eén event per regel' }) },
          },
          // not `required`: that would run the JSON validator on NDJSON too; an empty request is refused below
          required: false,
        },
      },
      responses: {
        200: { description: 'Toegevoegd (eventIds die er al waren tellen als duplicates)', content: { 'application/json': { schema: Appended } } },
        ...errorResponses(409, 413, 422),
      },
    }),
    async (c) => {
      const principal = authorised(c, 'append-events');
      const historical = c.req.valid('query').historical === 'true';
      if (historical) authorised(c, 'append-historical');
      let inputs: IngestInput[];
      let expectedRevisions: IngestOptions['expectedRevisions'];
      const tooMany = () => new ApiError(413, 'TOO_MANY_EVENTS', `Meer dan ${MAX_EVENTS_PER_REQUEST} events in één verzoek; stuur hoogstens ${MAX_EVENTS_PER_REQUEST} per verzoek, of gebruik npm run pact -- import`);
      if ((c.req.header('content-type') ?? '').includes('ndjson')) {
        // read as it arrives, a line at a time, yielding in between; no more than the limit is parsed
        const body = c.req.raw.body;
        const read = body ? await readNdjson(body, MAX_EVENTS_PER_REQUEST) : { inputs: [], more: false };
        if (read.more) throw tooMany();
        inputs = read.inputs;
      } else {
        const body = c.req.valid('json') as z.infer<typeof EventsBody> | Record<string, never>;
        const events = Array.isArray(body) ? body : (body.events ?? []);
        expectedRevisions = Array.isArray(body) ? undefined : (body.expectedRevision as IngestOptions['expectedRevisions']);
        inputs = events.map((value, i) => ({ line: i + 1, value }));
      }
      if (inputs.length === 0) throw new ApiError(400, 'NO_EVENTS', 'Geen events in het verzoek');
      if (inputs.length > MAX_EVENTS_PER_REQUEST) throw tooMany();
      const result = await ingest(runtime.store, inputs, {
        historical,
        clock: runtime.clock,
        expectedRevisions,
        authorise: principal.role === 'admin' ? undefined : scopeGuard(principal),
      });
      if (result.ok) return c.json({ appended: result.appended, duplicates: result.duplicates, revisions: result.revisions }, 200);
      if ('conflict' in result) {
        const { stream, expected, actual } = result.conflict;
        throw new ApiError(409, 'CONCURRENCY', result.conflict.message, { stream, expectedRevision: expected, currentRevision: actual });
      }
      const status = statusOfErrors(result.codes);
      const what = { 400: 'Ongeldige events; niets toegevoegd', 403: 'Buiten uw bereik; niets toegevoegd', 422: 'Een regel is overtreden; niets toegevoegd' }[status];
      const counted = `${result.count} ${result.count === 1 ? 'fout' : 'fouten'} op ${result.lines} ${result.lines === 1 ? 'regel' : 'regels'}`;
      const message = result.count > result.errors.length ? `${what} (${counted}; de eerste ${MAX_ERRORS} staan in details)` : `${what} (${counted})`;
      throw new ApiError(status, { 400: 'INVALID_EVENTS', 403: 'OUT_OF_SCOPE', 422: 'RULE_VIOLATED' }[status], message, result.errors);
    },
  );
}

