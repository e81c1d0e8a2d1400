import { describe, it, expect } from 'vitest';
import { CASE_EVENT_TYPES, EVENT_TYPES, caseIdOf, meetingIdOf, parseEvent, type EventType } from './schemas.ts';

const CASE_ID = '3f2b8c1e-7a4d-4e9b-9c21-5d6e7f8a9b0c';
const MEETING_ID = '7c6d5e4f-3a2b-4c1d-8e9f-0a1b2c3d4e5f';
const EVENT_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const CASE_STREAM = `case-${CASE_ID}`;
const MEETING_STREAM = `meeting-${MEETING_ID}`;

/** One valid `data` per event type. */
const VALID: Record<EventType, Record<string, unknown>> = {
  CaseOpened: {
    childRef: 'kw4gcr72s4c5g5li74idpulmdyiwlxf4',
    gemeente: 'GM0344',
    swv: 'PO2601',
    sector: 'po',
    birthYear: 2013,
    signalledBy: 'school',
    enrolled: true,
    phase: 'minder_naar_school',
    authorised: false,
    reason: 'schooltrauma',
    effectiveOn: '2024-01-08',
  },
  PhaseChanged: { phase: 'thuis', authorised: true, reason: 'ziekte', effectiveOn: '2024-02-29' },
  EnrolmentChanged: { enrolled: false, effectiveOn: '2024-03-01' },
  ExemptionGranted: { article: '5a', effectiveOn: '2024-03-01', until: '2024-07-31' },
  ExemptionEnded: { effectiveOn: '2024-05-01' },
  ReducedTimetableGranted: { hoursPerWeek: 12.5, effectiveOn: '2024-03-04' },
  ReducedTimetableEnded: { effectiveOn: '2024-04-15' },
  PlanAgreed: { accountableRole: 'swv', planKind: 'onderwijs_zorg', reviewOn: '2024-06-30', effectiveOn: '2024-03-01' },
  PlanEnded: { outcome: 'uitgevoerd', effectiveOn: '2024-06-28' },
  PlanReviewed: { nextReviewOn: '2024-09-30', effectiveOn: '2024-06-28' },
  OfferStarted: { offerKind: 'speciaal_onderwijs', effectiveOn: '2024-08-19' },
  OfferEnded: { outcome: 'niet_gestart', effectiveOn: '2024-09-02' },
  WaitlistEntered: { waitingFor: 'ggz', effectiveOn: '2024-02-01' },
  WaitlistLeft: { waitingFor: 'ggz', effectiveOn: '2024-05-13' },
  Escalated: { level: 'bestuurlijk', effectiveOn: '2024-04-02' },
  CaseDiscussed: { forum: 'leerplicht_swv', meetingId: MEETING_ID, effectiveOn: '2024-03-12' },
  EnforcementRecorded: { measure: 'proces_verbaal', effectiveOn: '2024-03-20' },
  CaseClosed: { outcome: 'passend_aanbod', effectiveOn: '2024-08-19' },
  EventRetracted: { retractedEventId: '9d8c7b6a-5f4e-4d3c-8b2a-190817263544', reason: 'invoerfout', effectiveOn: '2024-03-02' },
  MeetingHeld: { forum: 'kernpartner', gemeente: 'GM0344', swv: 'PO2601', casesDiscussed: 14, effectiveOn: '2024-03-12' },
};

function envelope(type: EventType, data: Record<string, unknown> = VALID[type], extra: Record<string, unknown> = {}) {
  return {
    eventId: EVENT_ID,
    type,
    stream: type === 'MeetingHeld' ? MEETING_STREAM : CASE_STREAM,
    data,
    schemaVersion: 1,
    ...extra,
  };
}

function issuesOf(input: unknown) {
  const result = parseEvent(input);
  if (result.ok) throw new Error(`expected rejection, got ${JSON.stringify(result.event)}`);
  return result.issues;
}

describe('parseEvent: the vocabulary', () => {
  // v2 adds PlanReviewed and OfferEnded (v1: 18 types, 17 of them case events)
  it('has the 20 types of events.md, 19 of them case events', () => {
    expect(EVENT_TYPES).toHaveLength(20);
    expect(CASE_EVENT_TYPES).toHaveLength(19);
    expect(CASE_EVENT_TYPES).not.toContain('MeetingHeld');
    expect(Object.keys(VALID).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each(Object.keys(VALID) as EventType[])('accepts a valid %s and returns it unchanged', (type) => {
    const input = envelope(type);
    expect(parseEvent(input)).toEqual({ ok: true, event: input });
  });

  it('accepts a recordedAt with an offset or Z', () => {
    for (const recordedAt of ['2024-03-04T09:12:44Z', '2024-03-04T10:12:44.123+01:00']) {
      const result = parseEvent(envelope('EnrolmentChanged', VALID.EnrolmentChanged, { recordedAt }));
      expect(result.ok).toBe(true);
    }
  });

  it('accepts the optional fields left out', () => {
    expect(parseEvent(envelope('PhaseChanged', { phase: 'op_school', effectiveOn: '2024-02-29' })).ok).toBe(true);
    expect(parseEvent(envelope('ExemptionGranted', { article: '5b', effectiveOn: '2024-03-01' })).ok).toBe(true);
    expect(parseEvent(envelope('CaseDiscussed', { forum: 'actietafel', effectiveOn: '2024-03-12' })).ok).toBe(true);
    expect(parseEvent(envelope('MeetingHeld', { forum: 'oogo', swv: 'VO2601', casesDiscussed: 0, effectiveOn: '2024-03-12' })).ok).toBe(true);
    expect(parseEvent(envelope('MeetingHeld', { forum: 'oogo', gemeente: 'GM0344', casesDiscussed: 0, effectiveOn: '2024-03-12' })).ok).toBe(true);
  });
});

describe('parseEvent: unknown fields', () => {
  it('rejects an unknown field in the envelope with UNKNOWN_FIELD and its path', () => {
    const issues = issuesOf(envelope('EnrolmentChanged', VALID.EnrolmentChanged, { extra: 1 }));
    expect(issues).toEqual([{ field: '', code: 'UNKNOWN_FIELD', message: 'Onbekend veld in het event (1): alleen de velden van events.md voor dit eventtype zijn toegestaan' }]);
  });

  it('rejects an unknown field in data with UNKNOWN_FIELD and the path of data, without echoing the key', () => {
    const issues = issuesOf(envelope('PhaseChanged', { ...VALID.PhaseChanged, jan_jansen: 'x' }));
    expect(issues).toEqual([{ field: 'data', code: 'UNKNOWN_FIELD', message: 'Onbekend veld in data (1): alleen de velden van events.md voor dit eventtype zijn toegestaan' }]);
    expect(JSON.stringify(issues)).not.toContain('jansen');
  });

  it('rejects the keys __proto__ and constructor, in the envelope and in data', () => {
    const withKeys = (json: string) => JSON.parse(json.replace('"phase":', '"__proto__":{"phase":"thuis"},"constructor":1,"phase":'));
    const input = withKeys(JSON.stringify(envelope('PhaseChanged')));
    expect(issuesOf(input).map((i) => `${i.field}:${i.code}:${i.message.match(/\((\d+)\)/)![1]}`)).toEqual(['data:UNKNOWN_FIELD:2']);
    const top = JSON.parse(JSON.stringify(envelope('PhaseChanged')).replace('{', '{"__proto__":{"x":1},'));
    expect(issuesOf(top).map((i) => `${i.field}:${i.code}`)).toEqual([':UNKNOWN_FIELD']);
  });

  it('counts the unknown fields of one object in one issue', () => {
    const issues = issuesOf(envelope('EnrolmentChanged', { ...VALID.EnrolmentChanged, a: 1, b: 2 }));
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual(['data:UNKNOWN_FIELD']);
    expect(issues[0].message).toContain('(2)');
  });

  it('rejects a field of another type (hoursPerWeek on PhaseChanged)', () => {
    const issues = issuesOf(envelope('PhaseChanged', { ...VALID.PhaseChanged, hoursPerWeek: 10 }));
    expect(issues.map((i) => i.code)).toEqual(['UNKNOWN_FIELD']);
    expect(issues[0].field).toBe('data');
  });
});

describe('parseEvent: field values', () => {
  it('rejects a value outside its enum', () => {
    const issues = issuesOf(envelope('PhaseChanged', { phase: 'afwezig', authorised: false, effectiveOn: '2024-02-29' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'data.phase', code: 'INVALID_FIELD' });
    expect(issues[0].message).not.toBe('');
  });

  it('rejects enums of other fields: sector, reason, outcome, article', () => {
    expect(issuesOf(envelope('CaseOpened', { ...VALID.CaseOpened, sector: 'hbo' }))[0].field).toBe('data.sector');
    expect(issuesOf(envelope('PhaseChanged', { ...VALID.PhaseChanged, reason: 'vakantie' }))[0].field).toBe('data.reason');
    expect(issuesOf(envelope('CaseClosed', { outcome: 'onbekend', effectiveOn: '2024-08-19' }))[0].field).toBe('data.outcome');
    expect(issuesOf(envelope('ExemptionGranted', { article: '5d', effectiveOn: '2024-03-01' }))[0].field).toBe('data.article');
  });

  it('rejects an unknown event type', () => {
    const issues = issuesOf(envelope('PhaseChanged', VALID.PhaseChanged, { type: 'PhaseChange' }));
    expect(issues).toEqual([{ field: 'type', code: 'INVALID_FIELD', message: 'Onbekend eventtype' }]);
  });

  it('rejects an impossible date (2023-02-30) and a date in another format', () => {
    const issues = issuesOf(envelope('EnrolmentChanged', { enrolled: true, effectiveOn: '2023-02-30' }));
    expect(issues).toEqual([
      { field: 'data.effectiveOn', code: 'INVALID_FIELD', message: 'Ongeldige datum: verwacht een bestaande datum als JJJJ-MM-DD' },
    ]);
    expect(issuesOf(envelope('EnrolmentChanged', { enrolled: true, effectiveOn: '2023-02-29' }))[0].field).toBe('data.effectiveOn');
    expect(issuesOf(envelope('EnrolmentChanged', { enrolled: true, effectiveOn: '01-03-2024' }))[0].field).toBe('data.effectiveOn');
    expect(parseEvent(envelope('EnrolmentChanged', { enrolled: true, effectiveOn: '2024-02-29' })).ok).toBe(true);
  });

  it('requires authorised when the phase is not op_school', () => {
    for (const phase of ['minder_naar_school', 'thuis']) {
      const issues = issuesOf(envelope('PhaseChanged', { phase, effectiveOn: '2024-02-29' }));
      expect(issues).toEqual([
        {
          field: 'data.authorised',
          code: 'INVALID_FIELD',
          message: 'Verplicht veld: geef aan of het verzuim geoorloofd is als de fase niet op_school is',
        },
      ]);
    }
    const { authorised: _a, ...opened } = VALID.CaseOpened;
    expect(issuesOf(envelope('CaseOpened', opened))[0].field).toBe('data.authorised');
    expect(parseEvent(envelope('CaseOpened', { ...opened, phase: 'op_school', reason: undefined })).ok).toBe(true);
  });

  it('rejects a MeetingHeld without gemeente and swv', () => {
    const issues = issuesOf(envelope('MeetingHeld', { forum: 'leerplicht_swv', casesDiscussed: 3, effectiveOn: '2024-03-12' }));
    expect(issues).toEqual([
      { field: 'data.gemeente', code: 'INVALID_FIELD', message: 'Verplicht veld: een overleg heeft een gemeente of een samenwerkingsverband' },
    ]);
  });

  it('rejects a missing required field', () => {
    const issues = issuesOf(envelope('WaitlistEntered', { effectiveOn: '2024-02-01' }));
    expect(issues.map((i) => `${i.field}:${i.code}`)).toEqual(['data.waitingFor:INVALID_FIELD']);
  });

  it('checks the field formats: gemeente, swv, childRef, hoursPerWeek, birthYear', () => {
    expect(issuesOf(envelope('CaseOpened', { ...VALID.CaseOpened, gemeente: 'GM344' }))[0].field).toBe('data.gemeente');
    expect(issuesOf(envelope('CaseOpened', { ...VALID.CaseOpened, swv: 'MB2601' }))[0].field).toBe('data.swv');
    expect(issuesOf(envelope('CaseOpened', { ...VALID.CaseOpened, childRef: 'KW4GCR72S4C5G5LI' }))[0].field).toBe('data.childRef');
    expect(issuesOf(envelope('CaseOpened', { ...VALID.CaseOpened, childRef: 'abc123' }))[0].field).toBe('data.childRef');
    expect(issuesOf(envelope('CaseOpened', { ...VALID.CaseOpened, birthYear: 2013.5 }))[0].field).toBe('data.birthYear');
    expect(issuesOf(envelope('ReducedTimetableGranted', { hoursPerWeek: 41, effectiveOn: '2024-03-04' }))[0].field).toBe('data.hoursPerWeek');
    expect(issuesOf(envelope('ReducedTimetableGranted', { hoursPerWeek: -1, effectiveOn: '2024-03-04' }))[0].field).toBe('data.hoursPerWeek');
    expect(parseEvent(envelope('ReducedTimetableGranted', { hoursPerWeek: 0, effectiveOn: '2024-03-04' })).ok).toBe(true);
    expect(parseEvent(envelope('ReducedTimetableGranted', { hoursPerWeek: 40, effectiveOn: '2024-03-04' })).ok).toBe(true);
  });

  it('rejects an until before effectiveOn and a reviewOn before effectiveOn', () => {
    expect(issuesOf(envelope('ExemptionGranted', { article: '5a', effectiveOn: '2024-03-01', until: '2024-02-29' }))[0].field).toBe('data.until');
    expect(parseEvent(envelope('ExemptionGranted', { article: '5a', effectiveOn: '2024-03-01', until: '2024-03-01' })).ok).toBe(true);
    expect(
      issuesOf(envelope('PlanAgreed', { ...VALID.PlanAgreed, reviewOn: '2024-02-29' }))[0].field,
    ).toBe('data.reviewOn');
  });

  it('keeps eventId, retractedEventId and meetingId in lower case', () => {
    const upper = (id: string) => id.toUpperCase();
    const result = parseEvent(envelope('EventRetracted', { ...VALID.EventRetracted, retractedEventId: upper(VALID.EventRetracted.retractedEventId as string) }, { eventId: upper(EVENT_ID) }));
    expect(result).toMatchObject({ ok: true, event: { eventId: EVENT_ID, data: { retractedEventId: VALID.EventRetracted.retractedEventId } } });
    const discussed = parseEvent(envelope('CaseDiscussed', { ...VALID.CaseDiscussed, meetingId: upper(MEETING_ID) }));
    expect(discussed).toMatchObject({ ok: true, event: { data: { meetingId: MEETING_ID } } });
  });

  it('rejects a retractedEventId or meetingId that is not a UUID', () => {
    expect(issuesOf(envelope('EventRetracted', { ...VALID.EventRetracted, retractedEventId: '42' }))[0].field).toBe('data.retractedEventId');
    expect(issuesOf(envelope('CaseDiscussed', { ...VALID.CaseDiscussed, meetingId: 'overleg-maart' }))[0].field).toBe('data.meetingId');
  });
});

describe('parseEvent: envelope', () => {
  it('rejects a case event in a meeting stream (WRONG_STREAM)', () => {
    const issues = issuesOf(envelope('PhaseChanged', VALID.PhaseChanged, { stream: MEETING_STREAM }));
    expect(issues).toEqual([
      { field: 'stream', code: 'WRONG_STREAM', message: 'Verkeerde stream: PhaseChanged hoort in een stream case-<uuid>' },
    ]);
  });

  it('accepts an EventRetracted in a meeting stream (v2: a meeting can be retracted)', () => {
    expect(parseEvent(envelope('EventRetracted', VALID.EventRetracted, { stream: MEETING_STREAM })).ok).toBe(true);
  });

  it('rejects a nextReviewOn before the review itself, and a nextReviewOn that is no date', () => {
    expect(issuesOf(envelope('PlanReviewed', { nextReviewOn: '2024-06-27', effectiveOn: '2024-06-28' }))).toEqual([
      { field: 'data.nextReviewOn', code: 'INVALID_FIELD', message: 'Ongeldige evaluatiedatum: de nieuwe evaluatiedatum ligt voor de datum van de evaluatie' },
    ]);
    expect(issuesOf(envelope('PlanReviewed', { nextReviewOn: '2024-02-30', effectiveOn: '2024-01-28' }))[0].field).toBe('data.nextReviewOn');
  });

  it('rejects an OfferEnded with an unknown outcome', () => {
    expect(issuesOf(envelope('OfferEnded', { outcome: 'gestopt', effectiveOn: '2024-06-28' }))[0].field).toBe('data.outcome');
  });

  it('rejects a MeetingHeld in a case stream (WRONG_STREAM)', () => {
    const issues = issuesOf(envelope('MeetingHeld', VALID.MeetingHeld, { stream: CASE_STREAM }));
    expect(issues).toEqual([
      { field: 'stream', code: 'WRONG_STREAM', message: 'Verkeerde stream: MeetingHeld hoort in een stream meeting-<uuid>' },
    ]);
  });

  it('rejects a stream with an upper-case UUID, without prefix, or with another prefix', () => {
    for (const stream of [`case-${CASE_ID.toUpperCase()}`, CASE_ID, `casus-${CASE_ID}`, 'case-123', `Case-${CASE_ID}`]) {
      const issues = issuesOf(envelope('PhaseChanged', VALID.PhaseChanged, { stream }));
      expect(issues, stream).toEqual([
        { field: 'stream', code: 'INVALID_FIELD', message: 'Ongeldige stream: verwacht case-<uuid> of meeting-<uuid> (kleine letters)' },
      ]);
    }
  });

  it('rejects schemaVersion 2 (and a missing one)', () => {
    expect(issuesOf(envelope('PhaseChanged', VALID.PhaseChanged, { schemaVersion: 2 }))).toEqual([
      { field: 'schemaVersion', code: 'INVALID_FIELD', message: 'Onbekende schemaVersion: verwacht 1' },
    ]);
    const { schemaVersion: _v, ...noVersion } = envelope('PhaseChanged');
    expect(issuesOf(noVersion)[0].field).toBe('schemaVersion');
  });

  it('rejects an eventId that is not a UUID and a recordedAt without zone', () => {
    expect(issuesOf(envelope('PhaseChanged', VALID.PhaseChanged, { eventId: 'evt-1' }))[0].field).toBe('eventId');
    expect(issuesOf(envelope('PhaseChanged', VALID.PhaseChanged, { recordedAt: '2024-03-04T09:12:44' }))[0].field).toBe('recordedAt');
    expect(issuesOf(envelope('PhaseChanged', VALID.PhaseChanged, { recordedAt: '2024-03-04' }))[0].field).toBe('recordedAt');
  });

  it('rejects data that is not an object, and input that is not an object', () => {
    expect(issuesOf(envelope('PhaseChanged', VALID.PhaseChanged, { data: 'thuis' }))[0].field).toBe('data');
    expect(issuesOf(envelope('PhaseChanged', VALID.PhaseChanged, { data: null }))[0].field).toBe('data');
    expect(issuesOf('PhaseChanged')[0].field).toBe('');
    expect(issuesOf(null)[0].field).toBe('');
  });

  it('does not check data when the envelope is wrong', () => {
    const issues = issuesOf(envelope('PhaseChanged', { phase: 'afwezig', effectiveOn: '2023-02-30' }, { schemaVersion: 2 }));
    expect(issues.map((i) => i.field)).toEqual(['schemaVersion']);
  });
});

describe('caseIdOf / meetingIdOf', () => {
  it('extract the UUID of the right kind of stream only', () => {
    expect(caseIdOf(CASE_STREAM)).toBe(CASE_ID);
    expect(caseIdOf(MEETING_STREAM)).toBeUndefined();
    expect(meetingIdOf(MEETING_STREAM)).toBe(MEETING_ID);
    expect(meetingIdOf(CASE_STREAM)).toBeUndefined();
    expect(caseIdOf(`case-${CASE_ID.toUpperCase()}`)).toBeUndefined();
  });
});
