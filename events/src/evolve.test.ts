import { describe, it, expect } from 'vitest';
import { activeEvents, evolve, inEffectiveOrder, stateOn, timeline, UNOPENED, type CaseState } from './evolve.ts';
import type { CaseEvent, EventData, EventType } from './schemas.ts';

// Local builders (test/support/builders.ts lies outside this package's tsconfig rootDir).
const STREAM = 'case-3f2b8c1e-7a4d-4e9b-9c21-5d6e7f8a9b0c';
const CHILD = 'kw4gcr72s4c5g5li74idpulmdyiwlxf4';
let counter = 0;
const nextId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function ev<T extends Exclude<EventType, 'MeetingHeld'>>(type: T, data: EventData<T>): CaseEvent {
  return { eventId: nextId(), type, stream: STREAM, data, schemaVersion: 1 } as CaseEvent;
}
const opened = (effectiveOn: string, overrides: Partial<EventData<'CaseOpened'>> = {}) =>
  ev('CaseOpened', {
    childRef: CHILD,
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
const phase = (p: 'op_school' | 'minder_naar_school' | 'thuis', effectiveOn: string, authorised?: boolean) =>
  ev('PhaseChanged', authorised === undefined ? { phase: p, effectiveOn } : { phase: p, authorised, effectiveOn });
const retract = (target: CaseEvent, effectiveOn: string) =>
  ev('EventRetracted', { retractedEventId: target.eventId, reason: 'invoerfout', effectiveOn });

/** The facts of a freshly opened case (op_school, nothing active). */
const BASE = {
  status: 'open',
  childRef: CHILD,
  gemeente: 'GM0344',
  swv: 'PO2601',
  sector: 'po',
  birthYear: 2013,
  signalledBy: 'school',
  openedOn: '2024-01-10',
  enrolled: true,
  phase: 'op_school',
  authorised: false,
  reason: null,
  exemption: null,
  reducedTimetable: null,
  plan: null,
  offer: null,
  waitlists: {},
} as const;

const phaseOn = (events: CaseEvent[], on: string) => {
  const s = stateOn(events, on);
  return s.status === 'unopened' ? 'unopened' : s.phase;
};

describe('stateOn', () => {
  it('is unopened before the opening day and open from it (inclusive)', () => {
    const events = [opened('2024-01-10')];
    expect(stateOn(events, '2024-01-09')).toEqual({ status: 'unopened' });
    expect(stateOn(events, '2024-01-10')).toEqual(BASE);
    expect(stateOn(events, '2030-01-01')).toEqual(BASE);
    expect(stateOn([], '2024-01-10')).toEqual(UNOPENED);
  });

  it('takes the initial phase, authorised and reason from CaseOpened', () => {
    const events = [opened('2024-01-10', { phase: 'thuis', authorised: false, reason: 'schooltrauma', enrolled: false })];
    expect(stateOn(events, '2024-01-10')).toEqual({ ...BASE, phase: 'thuis', authorised: false, reason: 'schooltrauma', enrolled: false });
  });

  it('applies a PhaseChanged from its effectiveOn on', () => {
    const events = [opened('2024-01-10'), phase('thuis', '2024-02-29', true)];
    expect(stateOn(events, '2024-02-28')).toMatchObject({ phase: 'op_school', authorised: false });
    expect(stateOn(events, '2024-02-29')).toMatchObject({ phase: 'thuis', authorised: true, reason: null });
    expect(stateOn(events, '2024-03-01')).toMatchObject({ phase: 'thuis', authorised: true });
  });

  it('sets authorised to false when back at op_school, whatever was sent', () => {
    const events = [
      opened('2024-01-10', { phase: 'thuis', authorised: true, reason: 'ziekte' }),
      ev('PhaseChanged', { phase: 'op_school', authorised: true, effectiveOn: '2024-02-01' }),
    ];
    expect(stateOn(events, '2024-01-31')).toMatchObject({ phase: 'thuis', authorised: true, reason: 'ziekte' });
    expect(stateOn(events, '2024-02-01')).toMatchObject({ phase: 'op_school', authorised: false, reason: null });
  });

  it('folds in effectiveOn order, not stream order (a late registration changes history)', () => {
    // Stream order: thuis on 1 March is registered first, then (late) minder_naar_school on 1 February.
    const events = [opened('2024-01-10'), phase('thuis', '2024-03-01', false), phase('minder_naar_school', '2024-02-01', false)];
    expect(phaseOn(events, '2024-01-31')).toBe('op_school');
    expect(phaseOn(events, '2024-02-01')).toBe('minder_naar_school');
    expect(phaseOn(events, '2024-02-29')).toBe('minder_naar_school');
    expect(phaseOn(events, '2024-03-01')).toBe('thuis');
  });

  it('a late event earlier than the last one does not override the later state', () => {
    const events = [opened('2024-01-10'), phase('op_school', '2024-03-15'), phase('thuis', '2024-03-01', false)];
    expect(phaseOn(events, '2024-03-01')).toBe('thuis');
    expect(phaseOn(events, '2024-03-14')).toBe('thuis');
    expect(phaseOn(events, '2024-03-15')).toBe('op_school');
    expect(phaseOn(events, '2024-04-01')).toBe('op_school');
  });

  it('breaks ties on the same day in stream order (the last one wins)', () => {
    const a = [opened('2024-01-10'), phase('thuis', '2024-02-01', false), phase('minder_naar_school', '2024-02-01', true)];
    expect(stateOn(a, '2024-02-01')).toMatchObject({ phase: 'minder_naar_school', authorised: true });
    const b = [opened('2024-01-10'), phase('minder_naar_school', '2024-02-01', true), phase('thuis', '2024-02-01', false)];
    expect(stateOn(b, '2024-02-01')).toMatchObject({ phase: 'thuis', authorised: false });
  });

  it('ignores a retracted PhaseChanged', () => {
    const wrong = phase('thuis', '2024-02-01', false);
    const events = [opened('2024-01-10'), wrong, retract(wrong, '2024-02-05')];
    expect(phaseOn(events, '2024-02-01')).toBe('op_school');
    expect(phaseOn(events, '2024-03-01')).toBe('op_school');
    // without the retraction it would count
    expect(phaseOn(events.slice(0, 2), '2024-02-01')).toBe('thuis');
  });

  it('a retracted CaseOpened leaves the case unopened, whatever follows', () => {
    const open = opened('2024-01-10');
    const events = [open, phase('thuis', '2024-02-01', false), retract(open, '2024-02-10')];
    expect(stateOn(events, '2024-01-10')).toEqual({ status: 'unopened' });
    expect(stateOn(events, '2024-03-01')).toEqual({ status: 'unopened' });
  });

  it('a retraction counts on every date, also before its own effectiveOn', () => {
    const wrong = phase('thuis', '2024-02-01', false);
    const events = [opened('2024-01-10'), wrong, retract(wrong, '2024-06-01')];
    expect(phaseOn(events, '2024-02-15')).toBe('op_school');
  });

  it('lets an exemption with until lapse the day after until', () => {
    const events = [opened('2024-01-10'), ev('ExemptionGranted', { article: '5a', effectiveOn: '2024-02-01', until: '2024-03-31' })];
    expect(stateOn(events, '2024-01-31')).toMatchObject({ exemption: null });
    expect(stateOn(events, '2024-02-01')).toMatchObject({ exemption: { article: '5a', since: '2024-02-01', until: '2024-03-31' } });
    expect(stateOn(events, '2024-03-31')).toMatchObject({ exemption: { article: '5a', since: '2024-02-01', until: '2024-03-31' } });
    expect(stateOn(events, '2024-04-01')).toMatchObject({ exemption: null });
    expect(stateOn(events, '2025-01-01')).toMatchObject({ exemption: null });
  });

  it('an exemption with until that lapsed stays lapsed when later events are folded', () => {
    const events = [
      opened('2024-01-10'),
      ev('ExemptionGranted', { article: '5b', effectiveOn: '2024-02-01', until: '2024-02-29' }),
      phase('thuis', '2024-03-05', false),
    ];
    expect(stateOn(events, '2024-02-29')).toMatchObject({ phase: 'op_school', exemption: { article: '5b' } });
    expect(stateOn(events, '2024-03-01')).toMatchObject({ phase: 'op_school', exemption: null });
    expect(stateOn(events, '2024-03-05')).toMatchObject({ phase: 'thuis', exemption: null });
  });

  it('keeps an exemption without until until ExemptionEnded', () => {
    const events = [
      opened('2024-01-10'),
      ev('ExemptionGranted', { article: '5c', effectiveOn: '2024-02-01' }),
      ev('ExemptionEnded', { effectiveOn: '2024-05-01' }),
    ];
    expect(stateOn(events, '2024-04-30')).toMatchObject({ exemption: { article: '5c', since: '2024-02-01', until: null } });
    expect(stateOn(events, '2024-05-01')).toMatchObject({ exemption: null });
  });

  it('closes the case from CaseClosed on, keeping the facts', () => {
    const events = [opened('2024-01-10'), phase('thuis', '2024-02-01', false), ev('CaseClosed', { outcome: 'verhuisd', effectiveOn: '2024-06-01' })];
    expect(stateOn(events, '2024-05-31')).toMatchObject({ status: 'open', phase: 'thuis' });
    expect(stateOn(events, '2024-06-01')).toEqual({ ...BASE, status: 'closed', closedOn: '2024-06-01', outcome: 'verhuisd', phase: 'thuis' });
  });

  it('a retracted CaseClosed reopens the case', () => {
    const closed = ev('CaseClosed', { outcome: 'terug_naar_school', effectiveOn: '2024-06-01' });
    const events = [opened('2024-01-10'), closed, retract(closed, '2024-06-03')];
    expect(stateOn(events, '2024-07-01')).toEqual(BASE);
  });

  it('tracks enrolment, reduced timetable, plan, offer and waiting lists', () => {
    const events = [
      opened('2024-01-10'),
      ev('EnrolmentChanged', { enrolled: false, effectiveOn: '2024-01-15' }),
      ev('WaitlistEntered', { waitingFor: 'ggz', effectiveOn: '2024-01-20' }),
      ev('WaitlistEntered', { waitingFor: 'ggz', effectiveOn: '2024-01-25' }),
      ev('WaitlistEntered', { waitingFor: 'tlv', effectiveOn: '2024-01-22' }),
      ev('PlanAgreed', { accountableRole: 'swv', planKind: 'maatwerk', reviewOn: '2024-04-30', effectiveOn: '2024-02-01' }),
      ev('ReducedTimetableGranted', { hoursPerWeek: 12, effectiveOn: '2024-02-05' }),
      ev('OfferStarted', { offerKind: 'maatwerk', effectiveOn: '2024-02-05' }),
      ev('Escalated', { level: 'actietafel', effectiveOn: '2024-02-06' }),
      ev('WaitlistLeft', { waitingFor: 'ggz', effectiveOn: '2024-03-01' }),
      ev('ReducedTimetableEnded', { effectiveOn: '2024-04-01' }),
      ev('PlanEnded', { outcome: 'uitgevoerd', effectiveOn: '2024-04-15' }),
      ev('EnrolmentChanged', { enrolled: true, effectiveOn: '2024-04-15' }),
    ];
    expect(stateOn(events, '2024-02-05')).toEqual({
      ...BASE,
      enrolled: false,
      waitlists: { ggz: '2024-01-20', tlv: '2024-01-22' },
      plan: { accountableRole: 'swv', planKind: 'maatwerk', since: '2024-02-01', reviewOn: '2024-04-30' },
      reducedTimetable: { hoursPerWeek: 12, since: '2024-02-05' },
      offer: { offerKind: 'maatwerk', since: '2024-02-05' },
    });
    expect(stateOn(events, '2024-03-01')).toMatchObject({ waitlists: { tlv: '2024-01-22' } });
    expect(stateOn(events, '2024-04-01')).toMatchObject({ reducedTimetable: null, plan: { planKind: 'maatwerk' } });
    expect(stateOn(events, '2024-04-15')).toEqual({
      ...BASE,
      waitlists: { tlv: '2024-01-22' },
      offer: { offerKind: 'maatwerk', since: '2024-02-05' },
    });
  });

  it('ignores events before a CaseOpened', () => {
    const events = [phase('thuis', '2024-01-05', false), opened('2024-01-10')];
    expect(stateOn(events, '2024-01-07')).toEqual({ status: 'unopened' });
    expect(stateOn(events, '2024-01-10')).toEqual(BASE);
    expect(evolve(UNOPENED, phase('thuis', '2024-01-05', false))).toBe(UNOPENED);
  });
});

describe('activeEvents / inEffectiveOrder', () => {
  it('drops retracted events and the retractions themselves', () => {
    const open = opened('2024-01-10');
    const wrong = phase('thuis', '2024-02-01', false);
    const right = phase('minder_naar_school', '2024-02-01', false);
    const r = retract(wrong, '2024-02-02');
    expect(activeEvents([open, wrong, right, r])).toEqual([open, right]);
  });

  it('sorts by effectiveOn, ties in list order', () => {
    const a = opened('2024-01-10');
    const b = phase('thuis', '2024-03-01', false);
    const c = phase('minder_naar_school', '2024-02-01', false);
    const d = phase('op_school', '2024-02-01');
    expect(inEffectiveOrder([a, b, c, d])).toEqual([a, c, d, b]);
  });
});

describe('timeline', () => {
  it('is empty for no events and for a retracted CaseOpened', () => {
    expect(timeline([])).toEqual([]);
    const open = opened('2024-01-10');
    expect(timeline([open, phase('thuis', '2024-02-01', false), retract(open, '2024-02-02')])).toEqual([]);
  });

  it('is one open-ended segment for a case that only opened', () => {
    expect(timeline([opened('2024-01-10')])).toEqual([{ from: '2024-01-10', to: null, state: BASE }]);
  });

  it('cuts exact segments for a late event and an exemption with until', () => {
    const events = [
      opened('2024-01-10'),
      phase('thuis', '2024-03-01', false),
      // registered late: an exemption from 1 to 20 February
      ev('ExemptionGranted', { article: '5a', effectiveOn: '2024-02-01', until: '2024-02-20' }),
    ];
    const exemption = { article: '5a', since: '2024-02-01', until: '2024-02-20' };
    expect(timeline(events)).toEqual([
      { from: '2024-01-10', to: '2024-02-01', state: BASE },
      { from: '2024-02-01', to: '2024-02-21', state: { ...BASE, exemption } },
      { from: '2024-02-21', to: '2024-03-01', state: BASE },
      { from: '2024-03-01', to: null, state: { ...BASE, phase: 'thuis', authorised: false } },
    ]);
  });

  it('ends with the lapse of an exemption with until when nothing follows', () => {
    const events = [opened('2024-01-10'), ev('ExemptionGranted', { article: '5b', effectiveOn: '2024-02-01', until: '2024-07-31' })];
    expect(timeline(events)).toEqual([
      { from: '2024-01-10', to: '2024-02-01', state: BASE },
      { from: '2024-02-01', to: '2024-08-01', state: { ...BASE, exemption: { article: '5b', since: '2024-02-01', until: '2024-07-31' } } },
      { from: '2024-08-01', to: null, state: BASE },
    ]);
  });

  it('lets an exemption lapse on the very day of the next event', () => {
    const events = [
      opened('2024-01-10'),
      ev('ExemptionGranted', { article: '5a', effectiveOn: '2024-02-01', until: '2024-02-29' }),
      phase('thuis', '2024-03-01', true),
    ];
    expect(timeline(events)).toEqual([
      { from: '2024-01-10', to: '2024-02-01', state: BASE },
      { from: '2024-02-01', to: '2024-03-01', state: { ...BASE, exemption: { article: '5a', since: '2024-02-01', until: '2024-02-29' } } },
      { from: '2024-03-01', to: null, state: { ...BASE, phase: 'thuis', authorised: true } },
    ]);
  });

  it('folds same-day events into one segment and ends with the closed state', () => {
    const events = [
      opened('2024-01-10'),
      phase('thuis', '2024-02-01', false),
      ev('WaitlistEntered', { waitingFor: 'so_vso', effectiveOn: '2024-02-01' }),
      ev('CaseClosed', { outcome: 'passend_aanbod', effectiveOn: '2024-05-01' }),
    ];
    const thuis = { ...BASE, phase: 'thuis', authorised: false, waitlists: { so_vso: '2024-02-01' } };
    expect(timeline(events)).toEqual([
      { from: '2024-01-10', to: '2024-02-01', state: BASE },
      { from: '2024-02-01', to: '2024-05-01', state: thuis },
      { from: '2024-05-01', to: null, state: { ...thuis, status: 'closed', closedOn: '2024-05-01', outcome: 'passend_aanbod' } },
    ]);
  });

  it('agrees with stateOn on every day of every segment', () => {
    const events = [
      opened('2024-01-10'),
      phase('minder_naar_school', '2024-04-01', false),
      ev('ExemptionGranted', { article: '5a', effectiveOn: '2024-02-01', until: '2024-02-20' }),
      phase('thuis', '2024-03-01', false),
      ev('ExemptionGranted', { article: '15', effectiveOn: '2024-04-10', until: '2024-04-30' }),
      ev('CaseClosed', { outcome: 'overig', effectiveOn: '2024-06-01' }),
    ];
    const segments = timeline(events);
    expect(segments.map((s) => [s.from, s.to])).toEqual([
      ['2024-01-10', '2024-02-01'],
      ['2024-02-01', '2024-02-21'],
      ['2024-02-21', '2024-03-01'],
      ['2024-03-01', '2024-04-01'],
      ['2024-04-01', '2024-04-10'],
      ['2024-04-10', '2024-05-01'],
      ['2024-05-01', '2024-06-01'],
      ['2024-06-01', null],
    ]);
    for (const seg of segments) {
      const last = seg.to ?? '2024-12-31';
      for (let d = seg.from; d < last; d = nextDay(d)) {
        expect(stateOn(events, d), d).toEqual(seg.state);
      }
    }
    const closed = segments[segments.length - 1].state as Extract<CaseState, { status: 'closed' }>;
    expect(closed.closedOn).toBe('2024-06-01');
  });
});

function nextDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

describe('evolve: v2 plan reviews and offer endings', () => {
  it('a PlanReviewed moves the active plan’s review date; without a plan it changes nothing', () => {
    const events = [
      opened('2024-01-10'),
      ev('PlanAgreed', { accountableRole: 'swv', planKind: 'onderwijs', reviewOn: '2024-02-01', effectiveOn: '2024-01-15' }),
      ev('PlanReviewed', { nextReviewOn: '2024-05-01', effectiveOn: '2024-02-20' }),
    ];
    expect(stateOn(events, '2024-02-19')).toMatchObject({ plan: { since: '2024-01-15', reviewOn: '2024-02-01' } });
    expect(stateOn(events, '2024-02-20')).toMatchObject({ plan: { since: '2024-01-15', reviewOn: '2024-05-01' } });
    expect(stateOn([opened('2024-01-10'), ev('PlanReviewed', { nextReviewOn: '2024-05-01', effectiveOn: '2024-02-20' })], '2024-03-01')).toMatchObject({ plan: null });
  });

  it('an OfferEnded stops the running offer; a new OfferStarted replaces it', () => {
    const events = [
      opened('2024-01-10'),
      ev('OfferStarted', { offerKind: 'maatwerk', effectiveOn: '2024-01-20' }),
      ev('OfferStarted', { offerKind: 'zorg', effectiveOn: '2024-02-01' }),
      ev('OfferEnded', { outcome: 'afgebroken', effectiveOn: '2024-03-01' }),
    ];
    expect(stateOn(events, '2024-01-31')).toMatchObject({ offer: { offerKind: 'maatwerk', since: '2024-01-20' } });
    expect(stateOn(events, '2024-02-29')).toMatchObject({ offer: { offerKind: 'zorg', since: '2024-02-01' } });
    expect(stateOn(events, '2024-03-01')).toMatchObject({ offer: null });
  });
});
