// The event vocabulary of events.md as strict zod schemas; the TypeScript types are inferred from them.
import * as z from 'zod';
import { CHILD_REF, CHILD_REF_MESSAGE } from './child-ref.ts';
import { isIsoDate } from './dates.ts';

z.config(z.locales.nl());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'Ongeldige datum: verwacht een bestaande datum als JJJJ-MM-DD' })
  .refine((d) => d >= '2000-01-01' && d <= '2099-12-31', { message: 'Ongeldige datum: verwacht een datum tussen 2000 en 2099' });

// UUIDs compare case-insensitively; they are kept in lower case so that a retraction finds its event either way.
const uuid = z
  .string()
  .regex(UUID, { message: 'Ongeldige UUID' })
  .transform((id) => id.toLowerCase());

export const phase = z.enum(['op_school', 'minder_naar_school', 'thuis']);
export const absenceReason = z.enum([
  'ziekte',
  'psychisch',
  'wachtlijst',
  'geen_passend_aanbod',
  'schorsing',
  'verwijdering',
  'conflict_school',
  'schooltrauma',
  'overig',
]);
export const gemeenteCode = z.string().regex(/^GM\d{4}$/, { message: 'Ongeldige gemeentecode: verwacht GM en 4 cijfers' });
export const swvCode = z
  .string()
  .regex(/^(PO|VO)\d{4}$/, { message: 'Ongeldige code samenwerkingsverband: verwacht PO of VO en 4 cijfers' });
export { CHILD_REF, CHILD_REF_MESSAGE };
export const childRef = z.string().regex(CHILD_REF, { message: CHILD_REF_MESSAGE });
export const sector = z.enum(['po', 'vo', 'so', 'vso', 'mbo', 'geen']);
export const signalledBy = z.enum(['school', 'leerplicht', 'swv', 'ouders', 'jeugdhulp', 'jgz', 'overig']);
/** In the order of the Leerplichtwet (an enum's own option list would put '15' first: integer-like keys sort first). */
export const EXEMPTION_ARTICLES = ['5a', '5b', '5c', '15'] as const;
export const exemptionArticle = z.enum(EXEMPTION_ARTICLES);
export const accountableRole = z.enum(['school', 'swv', 'leerplicht', 'jeugdhulp', 'gemeente', 'jgz']);
export const planKind = z.enum(['onderwijs', 'zorg', 'onderwijs_zorg', 'maatwerk']);
export const planOutcome = z.enum(['uitgevoerd', 'mislukt', 'verlopen', 'vervangen']);
export const offerKind = z.enum(['regulier', 'speciaal_onderwijs', 'onderwijs_zorg', 'maatwerk', 'zorg']);
export const offerOutcome = z.enum(['afgerond', 'afgebroken', 'niet_gestart']);
export const waitingFor = z.enum(['so_vso', 'jeugdhulp', 'ggz', 'diagnostiek', 'tlv']);
export const escalationLevel = z.enum(['actietafel', 'bestuurlijk']);
export const caseForum = z.enum(['leerplicht_swv', 'kernpartner', 'actietafel']);
export const enforcementMeasure = z.enum(['waarschuwing', 'proces_verbaal', 'veilig_thuis', 'raad_kinderbescherming']);
export const closeOutcome = z.enum(['terug_naar_school', 'passend_aanbod', 'verhuisd', 'leeftijd', 'startkwalificatie', 'overig']);
export const retractionReason = z.enum(['invoerfout', 'dubbel', 'verkeerd_kind']);
export const meetingForum = z.enum(['leerplicht_swv', 'kernpartner', 'oogo']);

const needsAuthorised = (d: { phase: string; authorised?: boolean }) => d.phase === 'op_school' || d.authorised !== undefined;
const authorisedIssue = {
  message: 'Verplicht veld: geef aan of het verzuim geoorloofd is als de fase niet op_school is',
  path: ['authorised'],
};

export const dataSchemas = {
  CaseOpened: z
    .strictObject({
      childRef,
      gemeente: gemeenteCode,
      swv: swvCode,
      sector,
      birthYear: z.int(),
      signalledBy,
      enrolled: z.boolean(),
      phase,
      authorised: z.boolean().optional(),
      reason: absenceReason.optional(),
      effectiveOn: isoDate,
    })
    .refine(needsAuthorised, authorisedIssue),
  PhaseChanged: z
    .strictObject({ phase, authorised: z.boolean().optional(), reason: absenceReason.optional(), effectiveOn: isoDate })
    .refine(needsAuthorised, authorisedIssue),
  EnrolmentChanged: z.strictObject({ enrolled: z.boolean(), effectiveOn: isoDate }),
  ExemptionGranted: z
    .strictObject({ article: exemptionArticle, effectiveOn: isoDate, until: isoDate.optional() })
    .refine((d) => d.until === undefined || d.until >= d.effectiveOn, {
      message: 'Ongeldige einddatum: until ligt voor effectiveOn',
      path: ['until'],
    }),
  ExemptionEnded: z.strictObject({ effectiveOn: isoDate }),
  ReducedTimetableGranted: z.strictObject({ hoursPerWeek: z.number().min(0).max(40), effectiveOn: isoDate }),
  ReducedTimetableEnded: z.strictObject({ effectiveOn: isoDate }),
  PlanAgreed: z
    .strictObject({ accountableRole, planKind, reviewOn: isoDate, effectiveOn: isoDate })
    .refine((d) => d.reviewOn >= d.effectiveOn, {
      message: 'Ongeldige evaluatiedatum: reviewOn ligt voor effectiveOn',
      path: ['reviewOn'],
    }),
  PlanEnded: z.strictObject({ outcome: planOutcome, effectiveOn: isoDate }),
  PlanReviewed: z
    .strictObject({ nextReviewOn: isoDate, effectiveOn: isoDate })
    .refine((d) => d.nextReviewOn >= d.effectiveOn, {
      message: 'Ongeldige evaluatiedatum: de nieuwe evaluatiedatum ligt voor de datum van de evaluatie',
      path: ['nextReviewOn'],
    }),
  OfferStarted: z.strictObject({ offerKind, effectiveOn: isoDate }),
  OfferEnded: z.strictObject({ outcome: offerOutcome, effectiveOn: isoDate }),
  WaitlistEntered: z.strictObject({ waitingFor, effectiveOn: isoDate }),
  WaitlistLeft: z.strictObject({ waitingFor, effectiveOn: isoDate }),
  Escalated: z.strictObject({ level: escalationLevel, effectiveOn: isoDate }),
  CaseDiscussed: z.strictObject({ forum: caseForum, meetingId: uuid.optional(), effectiveOn: isoDate }),
  EnforcementRecorded: z.strictObject({ measure: enforcementMeasure, effectiveOn: isoDate }),
  CaseClosed: z.strictObject({ outcome: closeOutcome, effectiveOn: isoDate }),
  EventRetracted: z.strictObject({ retractedEventId: uuid, reason: retractionReason, effectiveOn: isoDate }),
  MeetingHeld: z
    .strictObject({
      forum: meetingForum,
      gemeente: gemeenteCode.optional(),
      swv: swvCode.optional(),
      casesDiscussed: z.int().min(0).max(10_000),
      effectiveOn: isoDate,
    })
    .refine((d) => d.gemeente !== undefined || d.swv !== undefined, {
      message: 'Verplicht veld: een overleg heeft een gemeente of een samenwerkingsverband',
      path: ['gemeente'],
    }),
} as const;

export type EventType = keyof typeof dataSchemas;
export const EVENT_TYPES = Object.keys(dataSchemas) as EventType[];
export const CASE_EVENT_TYPES = EVENT_TYPES.filter((t) => t !== 'MeetingHeld');
/** What a meeting stream may hold: its one MeetingHeld, and a retraction of it (a meeting registered by mistake). */
export const MEETING_EVENT_TYPES: readonly EventType[] = ['MeetingHeld', 'EventRetracted'];

export type EventData<T extends EventType = EventType> = z.infer<(typeof dataSchemas)[T]>;

export const CASE_STREAM = /^case-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
export const MEETING_STREAM = /^meeting-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
/** Either kind of stream name. */
export const STREAM_NAME = /^(case|meeting)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The envelope with its `data` still unchecked; `parseEvent` checks `data` against the schema of `type`. */
export const envelopeSchema = z.strictObject({
  eventId: uuid,
  type: z.enum(EVENT_TYPES as [EventType, ...EventType[]], { message: 'Onbekend eventtype' }),
  stream: z.string().regex(STREAM_NAME, { message: 'Ongeldige stream: verwacht case-<uuid> of meeting-<uuid> (kleine letters)' }),
  // Checked as it is, not copied: a copy would silently lose a key `__proto__`, which the data schema must see.
  data: z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
    message: 'Ongeldige invoer: verwacht een object met de velden van het eventtype',
  }),
  recordedAt: z.iso.datetime({ offset: true, message: 'Ongeldig tijdstip: verwacht ISO 8601 met tijdzone' }).optional(),
  schemaVersion: z.literal(1, { message: 'Onbekende schemaVersion: verwacht 1' }),
});

type EnvelopeOf<T extends EventType> = {
  eventId: string;
  type: T;
  stream: string;
  data: EventData<T>;
  recordedAt?: string;
  schemaVersion: 1;
};

/** An event as sent (import line, HTTP body). */
export type PactEvent = { [T in EventType]: EnvelopeOf<T> }[EventType];
export type CaseEvent = Exclude<PactEvent, { type: 'MeetingHeld' }>;
export type MeetingEvent = Extract<PactEvent, { type: 'MeetingHeld' }>;
/** An event of a meeting stream. */
export type MeetingStreamEvent = Extract<PactEvent, { type: 'MeetingHeld' | 'EventRetracted' }>;

/** An event as stored: `recordedAt` set, with its stream revision and its opaque global position. */
export type Stored<E extends PactEvent = PactEvent> = E & { recordedAt: string; revision: number; position: string };
export type StoredEvent = Stored<PactEvent>;

export interface FieldIssue {
  /** Dotted path of the field, e.g. `data.phase`; empty for the whole line. */
  field: string;
  code: string;
  message: string;
}

function issuesOf(error: z.ZodError, prefix: string): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') return [unknownFields(path, issue.keys.length)];
    return [{ field: path.join('.'), code: 'INVALID_FIELD', message: issue.message }];
  });
}

/**
 * Unknown fields of one object as one issue, named by the object's path: a key is input like any value (it may be a
 * name or a number) and is not echoed; one issue per object also keeps an answer small for thousands of them.
 */
export function unknownFields(path: readonly string[], count: number): FieldIssue {
  const where = path.length > 0 ? `in ${path.join('.')}` : 'in het event';
  return { field: path.join('.'), code: 'UNKNOWN_FIELD', message: `Onbekend veld ${where} (${count}): alleen de velden van events.md voor dit eventtype zijn toegestaan` };
}

export type ParseResult = { ok: true; event: PactEvent } | { ok: false; issues: FieldIssue[] };

/** Checks one envelope and its `data` strictly (unknown fields rejected). Does not check privacy or write rules. */
export function parseEvent(input: unknown): ParseResult {
  const envelope = envelopeSchema.safeParse(input);
  if (!envelope.success) return { ok: false, issues: issuesOf(envelope.error, '') };
  const { type, stream } = envelope.data;
  const isMeetingStream = MEETING_STREAM.test(stream);
  const fits = isMeetingStream ? MEETING_EVENT_TYPES.includes(type) : type !== 'MeetingHeld';
  if (!fits) {
    return {
      ok: false,
      issues: [
        {
          field: 'stream',
          code: 'WRONG_STREAM',
          message:
            type === 'MeetingHeld'
              ? 'Verkeerde stream: MeetingHeld hoort in een stream meeting-<uuid>'
              : `Verkeerde stream: ${type} hoort in een stream case-<uuid>`,
        },
      ],
    };
  }
  const data = dataSchemas[type].safeParse(envelope.data.data);
  if (!data.success) return { ok: false, issues: issuesOf(data.error, 'data') };
  return { ok: true, event: { ...envelope.data, data: data.data } as PactEvent };
}

export function caseIdOf(stream: string): string | undefined {
  return CASE_STREAM.exec(stream)?.[1];
}

export function meetingIdOf(stream: string): string | undefined {
  return MEETING_STREAM.exec(stream)?.[1];
}
