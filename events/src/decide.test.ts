import { describe, it, expect } from 'vitest';
import { decide } from './decide.ts';
import { stateOn } from './evolve.ts';
import type { CaseEvent, EventData, EventType, PactEvent } from './schemas.ts';

// Local builders (test/support/builders.ts lies outside this package's tsconfig rootDir).
const STREAM = 'case-3f2b8c1e-7a4d-4e9b-9c21-5d6e7f8a9b0c';
const MEETING = 'meeting-7c6d5e4f-3a2b-4c1d-8e9f-0a1b2c3d4e5f';
let counter = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function ev<T extends EventType>(type: T, data: EventData<T>, stream = STREAM): PactEvent {
  return { eventId: nextId(), type, stream, data, schemaVersion: 1 } as PactEvent;
}
const opened = (effectiveOn: string, overrides: Partial<EventData<'CaseOpened'>> = {}) =>
  ev('CaseOpened', {
    childRef: 'kw4gcr72s4c5g5li74idpulmdyiwlxf4',
    gemeente: 'GM0344',
    swv: 'PO2601',
    sector: 'po',
    birthYear: 2013,
    signalledBy: 'school',
    enrolled: true,
    phase: 'op_school',
    effectiveOn,
    ...overrides,
  });
const retract = (target: PactEvent, effectiveOn: string) =>
  ev('EventRetracted', { retractedEventId: target.eventId, reason: 'invoerfout', effectiveOn });
const thuis = (effectiveOn: string) => ev('PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn });

const TODAY = '2024-03-15';

function rejected(history: PactEvent[], event: PactEvent, today = TODAY) {
  const decision = decide(history, event, today);
  if (decision.ok) throw new Error(`expected a rule error for ${event.type}`);
  return decision.error;
}

function accepted(history: PactEvent[], event: PactEvent, today = TODAY) {
  expect(decide(history, event, today)).toEqual({ ok: true, event });
}

describe('decide: valid histories', () => {
  it('accepts a whole valid case, event by event', () => {
    const exemption = ev('ExemptionGranted', { article: '5a', effectiveOn: '2024-02-01' });
    const events = [
      opened('2024-01-10'),
      thuis('2024-01-15'),
      ev('WaitlistEntered', { waitingFor: 'ggz', effectiveOn: '2024-01-20' }),
      ev('PlanAgreed', { accountableRole: 'leerplicht', planKind: 'zorg', reviewOn: '2024-04-01', effectiveOn: '2024-01-22' }),
      ev('ReducedTimetableGranted', { hoursPerWeek: 8, effectiveOn: '2024-01-25' }),
      exemption,
      ev('CaseDiscussed', { forum: 'kernpartner', effectiveOn: '2024-02-05' }),
      ev('Escalated', { level: 'actietafel', effectiveOn: '2024-02-06' }),
      ev('EnforcementRecorded', { measure: 'waarschuwing', effectiveOn: '2024-02-07' }),
      ev('ExemptionEnded', { effectiveOn: '2024-02-20' }),
      ev('ReducedTimetableEnded', { effectiveOn: '2024-02-21' }),
      ev('WaitlistLeft', { waitingFor: 'ggz', effectiveOn: '2024-02-22' }),
      ev('PlanEnded', { outcome: 'vervangen', effectiveOn: '2024-02-23' }),
      ev('OfferStarted', { offerKind: 'onderwijs_zorg', effectiveOn: '2024-03-01' }),
      ev('PhaseChanged', { phase: 'op_school', effectiveOn: '2024-03-01' }),
      ev('EnrolmentChanged', { enrolled: true, effectiveOn: '2024-03-01' }),
      ev('CaseClosed', { outcome: 'passend_aanbod', effectiveOn: '2024-03-15' }),
      retract(exemption, '2024-03-15'),
    ];
    events.forEach((event, i) => accepted(events.slice(0, i), event));
  });

  it('accepts a MeetingHeld in an empty meeting stream', () => {
    accepted([], ev('MeetingHeld', { forum: 'leerplicht_swv', gemeente: 'GM0344', casesDiscussed: 9, effectiveOn: '2024-03-12' }, MEETING));
  });

  it('accepts effectiveOn today and on the opening day, and a late registration', () => {
    const history = [opened('2024-01-10'), ev('PhaseChanged', { phase: 'op_school', effectiveOn: '2024-03-01' })];
    accepted(history, thuis(TODAY));
    accepted(history, thuis('2024-01-10'));
    accepted(history, thuis('2024-02-01'));
  });
});

describe('decide: every rule', () => {
  it('EFFECTIVE_IN_FUTURE: effectiveOn after today', () => {
    expect(rejected([opened('2024-01-10')], thuis('2024-03-16'))).toEqual({
      code: 'EFFECTIVE_IN_FUTURE',
      field: 'data.effectiveOn',
      message: 'effectiveOn 2024-03-16 ligt na vandaag (2024-03-15); registreer wat al gebeurd is',
    });
    expect(rejected([], opened('2024-03-16')).code).toBe('EFFECTIVE_IN_FUTURE');
  });

  it('MEETING_ALREADY_RECORDED: a second MeetingHeld in one meeting stream', () => {
    const held = (d: string) => ev('MeetingHeld', { forum: 'oogo', swv: 'PO2601', casesDiscussed: 0, effectiveOn: d }, MEETING);
    expect(rejected([held('2024-03-01')], held('2024-03-12'))).toEqual({
      code: 'MEETING_ALREADY_RECORDED',
      field: 'stream',
      message: 'Dit overleg is al geregistreerd: een overlegstream bevat één MeetingHeld',
    });
  });

  it('CASE_ALREADY_OPENED: a second CaseOpened', () => {
    expect(rejected([opened('2024-01-10')], opened('2024-02-01'))).toEqual({
      code: 'CASE_ALREADY_OPENED',
      field: 'type',
      message: 'Deze casus is al geopend: CaseOpened komt één keer voor, als eerste event',
    });
  });

  // v2 (events.md "Field formats"): a birthYear lies 4 to 23 years before the year of the opening (v1: 1995 … today − 3)
  it('BIRTH_YEAR_OUT_OF_RANGE: more than 23 or less than 4 years before the opening year', () => {
    expect(rejected([], opened('2024-01-10', { birthYear: 2000 }))).toEqual({
      code: 'BIRTH_YEAR_OUT_OF_RANGE',
      field: 'data.birthYear',
      message: 'Geboortejaar moet tussen 2001 en 2020 liggen (4 tot 23 jaar voor het jaar van de opening)',
    });
    expect(rejected([], opened('2024-01-10', { birthYear: 2021 })).code).toBe('BIRTH_YEAR_OUT_OF_RANGE');
    accepted([], opened('2024-01-10', { birthYear: 2001 }));
    accepted([], opened('2024-01-10', { birthYear: 2020 }));
    // judged on the opening's year, not on the day of the append: a late registration of 2019 keeps 2019's range
    accepted([], opened('2019-12-31', { birthYear: 1996 }), '2024-03-15');
  });

  it('CASE_NOT_OPENED: a case event in an empty stream or a stream not started by CaseOpened', () => {
    const expected = {
      code: 'CASE_NOT_OPENED',
      field: 'stream',
      message: 'Deze casus bestaat nog niet: het eerste event van een casus is CaseOpened',
    };
    expect(rejected([], thuis('2024-02-01'))).toEqual(expected);
    expect(rejected([thuis('2024-01-01')], thuis('2024-02-01'))).toEqual(expected);
    expect(rejected([], retract(opened('2024-01-10'), '2024-02-01')).code).toBe('CASE_NOT_OPENED');
  });

  it('CASE_RETRACTED: nothing but retractions after CaseOpened was retracted', () => {
    const open = opened('2024-01-10');
    const phase = thuis('2024-01-20');
    const history = [open, phase, retract(open, '2024-02-01')];
    expect(rejected(history, thuis('2024-02-10'))).toEqual({
      code: 'CASE_RETRACTED',
      field: 'stream',
      message: 'Deze casus is ingetrokken (CaseOpened is ingetrokken); er kan niets meer aan worden toegevoegd',
    });
    accepted(history, retract(phase, '2024-02-10'));
  });

  it('CASE_CLOSED: only EventRetracted may follow CaseClosed', () => {
    const phase = thuis('2024-01-20');
    const closed = ev('CaseClosed', { outcome: 'terug_naar_school', effectiveOn: '2024-03-01' });
    const history = [opened('2024-01-10'), phase, closed];
    expect(rejected(history, ev('PhaseChanged', { phase: 'op_school', effectiveOn: '2024-03-01' }))).toEqual({
      code: 'CASE_CLOSED',
      field: 'type',
      message: 'Deze casus is gesloten: na CaseClosed kan alleen nog een EventRetracted volgen',
    });
    expect(rejected(history, ev('CaseClosed', { outcome: 'overig', effectiveOn: '2024-03-02' })).code).toBe('CASE_CLOSED');
    accepted(history, retract(phase, '2024-03-05'));
    // once the CaseClosed itself is retracted, the case takes events again
    accepted([...history, retract(closed, '2024-03-05')], thuis('2024-03-06'));
  });

  it('EFFECTIVE_BEFORE_OPENING: effectiveOn before CaseOpened.effectiveOn', () => {
    const open = opened('2024-01-10');
    expect(rejected([open], thuis('2024-01-09'))).toEqual({
      code: 'EFFECTIVE_BEFORE_OPENING',
      field: 'data.effectiveOn',
      message: 'effectiveOn ligt voor de openingsdatum van de casus (2024-01-10)',
    });
    const phase = thuis('2024-01-20');
    expect(rejected([open, phase], retract(phase, '2023-12-31')).code).toBe('EFFECTIVE_BEFORE_OPENING');
  });

  it('NO_ACTIVE_EXEMPTION: ExemptionEnded without an exemption on that day', () => {
    const open = opened('2024-01-10');
    expect(rejected([open], ev('ExemptionEnded', { effectiveOn: '2024-02-01' }))).toEqual({
      code: 'NO_ACTIVE_EXEMPTION',
      field: 'type',
      message: 'Er is op 2024-02-01 geen lopende vrijstelling om te beëindigen',
    });
    const granted = ev('ExemptionGranted', { article: '5a', effectiveOn: '2024-02-01', until: '2024-02-29' });
    // before it started, and after it lapsed (the day after until)
    expect(rejected([open, granted], ev('ExemptionEnded', { effectiveOn: '2024-01-31' })).code).toBe('NO_ACTIVE_EXEMPTION');
    expect(rejected([open, granted], ev('ExemptionEnded', { effectiveOn: '2024-03-01' })).code).toBe('NO_ACTIVE_EXEMPTION');
    accepted([open, granted], ev('ExemptionEnded', { effectiveOn: '2024-02-29' }));
    // a retracted exemption is no exemption
    expect(rejected([open, granted, retract(granted, '2024-02-10')], ev('ExemptionEnded', { effectiveOn: '2024-02-15' })).code).toBe(
      'NO_ACTIVE_EXEMPTION',
    );
  });

  it('NO_ACTIVE_REDUCED_TIMETABLE: ReducedTimetableEnded without one', () => {
    const open = opened('2024-01-10');
    expect(rejected([open], ev('ReducedTimetableEnded', { effectiveOn: '2024-02-01' }))).toEqual({
      code: 'NO_ACTIVE_REDUCED_TIMETABLE',
      field: 'type',
      message: 'Er is op 2024-02-01 geen lopende ontheffing onderwijstijd om te beëindigen',
    });
    const granted = ev('ReducedTimetableGranted', { hoursPerWeek: 10, effectiveOn: '2024-02-01' });
    accepted([open, granted], ev('ReducedTimetableEnded', { effectiveOn: '2024-02-01' }));
  });

  it('NO_ACTIVE_PLAN: PlanEnded without a plan', () => {
    const open = opened('2024-01-10');
    const plan = ev('PlanAgreed', { accountableRole: 'school', planKind: 'onderwijs', reviewOn: '2024-03-01', effectiveOn: '2024-02-01' });
    const ended = ev('PlanEnded', { outcome: 'mislukt', effectiveOn: '2024-02-20' });
    expect(rejected([open, plan, ended], ev('PlanEnded', { outcome: 'verlopen', effectiveOn: '2024-03-01' }))).toEqual({
      code: 'NO_ACTIVE_PLAN',
      field: 'type',
      message: 'Er is op 2024-03-01 geen lopend plan om te beëindigen',
    });
    accepted([open, plan], ev('PlanEnded', { outcome: 'verlopen', effectiveOn: '2024-03-01' }));
  });

  it('NOT_ON_WAITLIST: WaitlistLeft for a list the child is not on', () => {
    const history = [opened('2024-01-10'), ev('WaitlistEntered', { waitingFor: 'ggz', effectiveOn: '2024-02-01' })];
    expect(rejected(history, ev('WaitlistLeft', { waitingFor: 'jeugdhulp', effectiveOn: '2024-03-01' }))).toEqual({
      code: 'NOT_ON_WAITLIST',
      field: 'data.waitingFor',
      message: 'Het kind staat op 2024-03-01 niet op de wachtlijst jeugdhulp',
    });
    expect(rejected(history, ev('WaitlistLeft', { waitingFor: 'ggz', effectiveOn: '2024-01-31' })).code).toBe('NOT_ON_WAITLIST');
    accepted(history, ev('WaitlistLeft', { waitingFor: 'ggz', effectiveOn: '2024-03-01' }));
  });

  it('RETRACTED_EVENT_NOT_FOUND: retracting an event that is not in this stream', () => {
    const elsewhere = thuis('2024-02-01');
    expect(rejected([opened('2024-01-10')], retract(elsewhere, '2024-02-05'))).toEqual({
      code: 'RETRACTED_EVENT_NOT_FOUND',
      field: 'data.retractedEventId',
      message: 'Het in te trekken event bestaat niet in deze casus',
    });
  });

  it('ALREADY_RETRACTED: retracting an event twice', () => {
    const phase = thuis('2024-02-01');
    const history = [opened('2024-01-10'), phase, retract(phase, '2024-02-05')];
    expect(rejected(history, retract(phase, '2024-02-06'))).toEqual({
      code: 'ALREADY_RETRACTED',
      field: 'data.retractedEventId',
      message: 'Dit event is al ingetrokken',
    });
  });

  it('RETRACTION_NOT_RETRACTABLE: retracting a retraction', () => {
    const phase = thuis('2024-02-01');
    const first = retract(phase, '2024-02-05');
    expect(rejected([opened('2024-01-10'), phase, first], retract(first, '2024-02-06'))).toEqual({
      code: 'RETRACTION_NOT_RETRACTABLE',
      field: 'data.retractedEventId',
      message: 'Een intrekking kan zelf niet worden ingetrokken',
    });
  });
});

describe('decide: the ending rules say what stateOn says', () => {
  const DAYS = ['2024-02-01', '2024-02-02', '2024-02-03'];
  /** Every sequence of up to three events drawn from `alphabet` (plus "retract the first one"), after a CaseOpened. */
  function* histories(alphabet: (() => PactEvent)[]): Generator<PactEvent[]> {
    const items = [...alphabet, null];
    const extend = function* (prefix: PactEvent[]): Generator<PactEvent[]> {
      yield prefix;
      if (prefix.length === 4) return;
      for (const item of items) {
        if (item) yield* extend([...prefix, item()]);
        else if (prefix.length > 1) yield* extend([...prefix, retract(prefix[1], '2024-02-01')]);
      }
    };
    yield* extend([opened('2024-01-10')]);
  }
  const cases: { name: string; alphabet: (() => PactEvent)[]; probe: (on: string) => PactEvent; active: (s: ReturnType<typeof stateOn>) => boolean }[] = [
    {
      name: 'exemption (with until)',
      alphabet: DAYS.flatMap((d) => [
        () => ev('ExemptionGranted', { article: '5a', effectiveOn: d }),
        () => ev('ExemptionGranted', { article: '5b', effectiveOn: d, until: d }),
        () => ev('ExemptionEnded', { effectiveOn: d }),
      ]),
      probe: (on) => ev('ExemptionEnded', { effectiveOn: on }),
      active: (s) => s.status !== 'unopened' && s.exemption !== null,
    },
    {
      name: 'reduced timetable',
      alphabet: DAYS.flatMap((d) => [() => ev('ReducedTimetableGranted', { hoursPerWeek: 8, effectiveOn: d }), () => ev('ReducedTimetableEnded', { effectiveOn: d })]),
      probe: (on) => ev('ReducedTimetableEnded', { effectiveOn: on }),
      active: (s) => s.status !== 'unopened' && s.reducedTimetable !== null,
    },
    {
      name: 'plan',
      alphabet: DAYS.flatMap((d) => [
        () => ev('PlanAgreed', { accountableRole: 'school', planKind: 'zorg', reviewOn: '2024-06-01', effectiveOn: d }),
        () => ev('PlanEnded', { outcome: 'uitgevoerd', effectiveOn: d }),
      ]),
      probe: (on) => ev('PlanEnded', { outcome: 'mislukt', effectiveOn: on }),
      active: (s) => s.status !== 'unopened' && s.plan !== null,
    },
    {
      name: 'waiting list',
      alphabet: DAYS.flatMap((d) => [
        () => ev('WaitlistEntered', { waitingFor: 'ggz', effectiveOn: d }),
        () => ev('WaitlistLeft', { waitingFor: 'ggz', effectiveOn: d }),
        () => ev('WaitlistEntered', { waitingFor: 'tlv', effectiveOn: d }),
      ]),
      probe: (on) => ev('WaitlistLeft', { waitingFor: 'ggz', effectiveOn: on }),
      active: (s) => s.status !== 'unopened' && s.waitlists.ggz !== undefined,
    },
  ];

  it.each(cases)('$name: for every short history and day', ({ alphabet, probe, active }) => {
    let checked = 0;
    for (const history of histories(alphabet)) {
      for (const on of [...DAYS, '2024-02-04']) {
        const event = probe(on);
        expect(decide(history, event, TODAY).ok, `${history.map((e) => `${e.type} ${JSON.stringify(e.data)}`).join(' | ')} → ${on}`).toBe(active(stateOn(history as CaseEvent[], on)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('decide: v2 plan reviews, offer endings and meeting retractions', () => {
  const plan = ev('PlanAgreed', { accountableRole: 'swv', planKind: 'onderwijs', reviewOn: '2024-02-01', effectiveOn: '2024-01-15' });
  const offer = ev('OfferStarted', { offerKind: 'maatwerk', effectiveOn: '2024-02-01' });

  it('accepts a PlanReviewed of the active plan, also after its review date, and an OfferEnded of the running offer', () => {
    accepted([opened('2024-01-10'), plan], ev('PlanReviewed', { nextReviewOn: '2024-05-01', effectiveOn: '2024-02-20' }));
    accepted([opened('2024-01-10'), offer], ev('OfferEnded', { outcome: 'afgebroken', effectiveOn: '2024-03-01' }));
  });

  it('NO_ACTIVE_PLAN: a PlanReviewed without a plan, before it, or after it ended', () => {
    const review = (on: string) => ev('PlanReviewed', { nextReviewOn: '2024-06-01', effectiveOn: on });
    expect(rejected([opened('2024-01-10')], review('2024-02-01'))).toEqual({ code: 'NO_ACTIVE_PLAN', field: 'type', message: 'Er is op 2024-02-01 geen lopend plan om te evalueren' });
    expect(rejected([opened('2024-01-10'), plan], review('2024-01-12')).code).toBe('NO_ACTIVE_PLAN');
    const ended = ev('PlanEnded', { outcome: 'mislukt', effectiveOn: '2024-02-10' });
    expect(rejected([opened('2024-01-10'), plan, ended], review('2024-02-11')).code).toBe('NO_ACTIVE_PLAN');
  });

  it('NO_RUNNING_OFFER: an OfferEnded without a running offer, or after it ended', () => {
    const end = (on: string) => ev('OfferEnded', { outcome: 'afgerond', effectiveOn: on });
    expect(rejected([opened('2024-01-10')], end('2024-02-01'))).toEqual({ code: 'NO_RUNNING_OFFER', field: 'type', message: 'Er loopt op 2024-02-01 geen aanbod om te beëindigen' });
    expect(rejected([opened('2024-01-10'), offer, end('2024-02-10')], end('2024-02-12')).code).toBe('NO_RUNNING_OFFER');
  });

  const held = ev('MeetingHeld', { forum: 'kernpartner', gemeente: 'GM0344', casesDiscussed: 4, effectiveOn: '2024-03-01' }, MEETING);
  const retractMeeting = (target: PactEvent, on: string) => ev('EventRetracted', { retractedEventId: target.eventId, reason: 'dubbel', effectiveOn: on }, MEETING);

  it('accepts a retraction of the MeetingHeld of a meeting stream', () => {
    accepted([held], retractMeeting(held, '2024-03-04'));
  });

  it('refuses a retraction in an empty meeting stream, of another event, twice, or dated before the meeting', () => {
    expect(rejected([], retractMeeting(held, '2024-03-04')).code).toBe('MEETING_NOT_RECORDED');
    expect(rejected([held], ev('EventRetracted', { retractedEventId: nextId(), reason: 'dubbel', effectiveOn: '2024-03-04' }, MEETING)).code).toBe('RETRACTED_EVENT_NOT_FOUND');
    const first = retractMeeting(held, '2024-03-04');
    expect(rejected([held, first], retractMeeting(held, '2024-03-05')).code).toBe('ALREADY_RETRACTED');
    expect(rejected([held], retractMeeting(held, '2024-02-28'))).toEqual({
      code: 'EFFECTIVE_BEFORE_MEETING',
      field: 'data.effectiveOn',
      message: 'effectiveOn ligt voor de datum van het overleg (2024-03-01)',
    });
  });

  it('refuses a second MeetingHeld after a retraction too: a corrected meeting is a new stream', () => {
    expect(rejected([held, retractMeeting(held, '2024-03-04')], ev('MeetingHeld', { forum: 'kernpartner', gemeente: 'GM0344', casesDiscussed: 4, effectiveOn: '2024-03-02' }, MEETING)).code).toBe(
      'MEETING_ALREADY_RECORDED',
    );
  });
});
