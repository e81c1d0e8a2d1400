// The write rules of events.md. `decide` is pure: the stream's history and today's date come in, the
// event to append or the rule it breaks comes out. Each rule has its own code and Dutch message.
import { activeEvents } from './evolve.ts';
import { birthYearRange, type IsoDate } from './dates.ts';
import { MEETING_STREAM, type CaseEvent, type MeetingStreamEvent, type PactEvent } from './schemas.ts';

export type RuleCode =
  | 'CASE_NOT_OPENED'
  | 'CASE_ALREADY_OPENED'
  | 'CASE_RETRACTED'
  | 'CASE_CLOSED'
  | 'EFFECTIVE_BEFORE_OPENING'
  | 'EFFECTIVE_IN_FUTURE'
  | 'BIRTH_YEAR_OUT_OF_RANGE'
  | 'NO_ACTIVE_EXEMPTION'
  | 'NO_ACTIVE_REDUCED_TIMETABLE'
  | 'NO_ACTIVE_PLAN'
  | 'NO_RUNNING_OFFER'
  | 'NOT_ON_WAITLIST'
  | 'RETRACTED_EVENT_NOT_FOUND'
  | 'ALREADY_RETRACTED'
  | 'RETRACTION_NOT_RETRACTABLE'
  | 'MEETING_ALREADY_RECORDED'
  | 'MEETING_NOT_RECORDED'
  | 'EFFECTIVE_BEFORE_MEETING';

export interface RuleError {
  code: RuleCode;
  field: string;
  message: string;
}

export type Decision = { ok: true; event: PactEvent } | { ok: false; error: RuleError };

const reject = (code: RuleCode, field: string, message: string): Decision => ({ ok: false, error: { code, field, message } });

/**
 * Decides whether `event` may be appended to a stream whose events so far are `history` (stream order).
 * `today` is the calendar date of the append (Europe/Amsterdam), the latest allowed `effectiveOn`.
 */
export function decide(history: readonly PactEvent[], event: PactEvent, today: IsoDate): Decision {
  if (event.data.effectiveOn > today) {
    return reject('EFFECTIVE_IN_FUTURE', 'data.effectiveOn', `effectiveOn ${event.data.effectiveOn} ligt na vandaag (${today}); registreer wat al gebeurd is`);
  }
  if (MEETING_STREAM.test(event.stream) || event.type === 'MeetingHeld') return decideMeeting(history as readonly MeetingStreamEvent[], event as MeetingStreamEvent);
  const caseHistory = history as readonly CaseEvent[];
  if (event.type === 'CaseOpened') {
    if (caseHistory.length > 0) return reject('CASE_ALREADY_OPENED', 'type', 'Deze casus is al geopend: CaseOpened komt één keer voor, als eerste event');
    const { min, max } = birthYearRange(event.data.effectiveOn);
    if (event.data.birthYear < min || event.data.birthYear > max) {
      return reject('BIRTH_YEAR_OUT_OF_RANGE', 'data.birthYear', `Geboortejaar moet tussen ${min} en ${max} liggen (4 tot 23 jaar voor het jaar van de opening)`);
    }
    return { ok: true, event };
  }
  if (caseHistory.length === 0 || caseHistory[0].type !== 'CaseOpened') {
    return reject('CASE_NOT_OPENED', 'stream', 'Deze casus bestaat nog niet: het eerste event van een casus is CaseOpened');
  }
  const active = activeEvents(caseHistory);
  const opened = caseHistory[0];

  if (event.type === 'EventRetracted') {
    const target = caseHistory.find((e) => e.eventId === event.data.retractedEventId);
    if (!target) return reject('RETRACTED_EVENT_NOT_FOUND', 'data.retractedEventId', 'Het in te trekken event bestaat niet in deze casus');
    if (target.type === 'EventRetracted') return reject('RETRACTION_NOT_RETRACTABLE', 'data.retractedEventId', 'Een intrekking kan zelf niet worden ingetrokken');
    if (!active.includes(target)) return reject('ALREADY_RETRACTED', 'data.retractedEventId', 'Dit event is al ingetrokken');
    if (event.data.effectiveOn < opened.data.effectiveOn) return beforeOpening(opened.data.effectiveOn);
    return { ok: true, event };
  }
  if (!active.includes(opened)) return reject('CASE_RETRACTED', 'stream', 'Deze casus is ingetrokken (CaseOpened is ingetrokken); er kan niets meer aan worden toegevoegd');
  if (active.some((e) => e.type === 'CaseClosed')) {
    return reject('CASE_CLOSED', 'type', 'Deze casus is gesloten: na CaseClosed kan alleen nog een EventRetracted volgen');
  }
  if (event.data.effectiveOn < opened.data.effectiveOn) return beforeOpening(opened.data.effectiveOn);

  return needsActiveState(active, event);
}

/**
 * The ending events need the thing they end to be active on their `effectiveOn`. That is what `stateOn` derives for
 * that one thing, found here in one pass over the active events: the last of its starting and ending events on or
 * before the day (effective order, ties in stream order) must be a start. (A fold per event would make a batch of
 * thousands of events for one case quadratic with a large constant.)
 */
function needsActiveState(active: readonly CaseEvent[], event: CaseEvent): Decision {
  const ok: Decision = { ok: true, event };
  const on = event.data.effectiveOn;
  switch (event.type) {
    case 'ExemptionEnded': {
      const granted = lastStart(active, on, 'ExemptionGranted', 'ExemptionEnded');
      // an exemption granted `until` a day has lapsed after it
      return granted && (granted.data.until === undefined || granted.data.until >= on)
        ? ok
        : reject('NO_ACTIVE_EXEMPTION', 'type', `Er is op ${on} geen lopende vrijstelling om te beëindigen`);
    }
    case 'ReducedTimetableEnded':
      return lastStart(active, on, 'ReducedTimetableGranted', 'ReducedTimetableEnded')
        ? ok
        : reject('NO_ACTIVE_REDUCED_TIMETABLE', 'type', `Er is op ${on} geen lopende ontheffing onderwijstijd om te beëindigen`);
    case 'PlanEnded':
      return lastStart(active, on, 'PlanAgreed', 'PlanEnded') ? ok : reject('NO_ACTIVE_PLAN', 'type', `Er is op ${on} geen lopend plan om te beëindigen`);
    case 'PlanReviewed':
      return lastStart(active, on, 'PlanAgreed', 'PlanEnded') ? ok : reject('NO_ACTIVE_PLAN', 'type', `Er is op ${on} geen lopend plan om te evalueren`);
    case 'OfferEnded':
      return lastStart(active, on, 'OfferStarted', 'OfferEnded') ? ok : reject('NO_RUNNING_OFFER', 'type', `Er loopt op ${on} geen aanbod om te beëindigen`);
    case 'WaitlistLeft': {
      const list = event.data.waitingFor;
      const sameList = (e: CaseEvent) => (e.type === 'WaitlistEntered' || e.type === 'WaitlistLeft') && e.data.waitingFor === list;
      return lastStart(active, on, 'WaitlistEntered', 'WaitlistLeft', sameList)
        ? ok
        : reject('NOT_ON_WAITLIST', 'data.waitingFor', `Het kind staat op ${on} niet op de wachtlijst ${list}`);
    }
    default:
      return ok;
  }
}

/** The last event of type `start` or `end` (and `matches`) on or before `on`, when it is a `start`. */
function lastStart<S extends CaseEvent['type']>(
  active: readonly CaseEvent[],
  on: IsoDate,
  start: S,
  end: CaseEvent['type'],
  matches: (e: CaseEvent) => boolean = () => true,
): Extract<CaseEvent, { type: S }> | undefined {
  let last: CaseEvent | undefined;
  for (const e of active) {
    if ((e.type === start || e.type === end) && e.data.effectiveOn <= on && matches(e) && (!last || e.data.effectiveOn >= last.data.effectiveOn)) last = e;
  }
  return last?.type === start ? (last as Extract<CaseEvent, { type: S }>) : undefined;
}

/**
 * A meeting stream holds its one `MeetingHeld`, and at most a retraction of it (a meeting registered by mistake:
 * twice, on the wrong date or for the wrong forum counts as never held).
 */
function decideMeeting(history: readonly MeetingStreamEvent[], event: MeetingStreamEvent): Decision {
  const held = history.find((e) => e.type === 'MeetingHeld');
  if (event.type === 'MeetingHeld') {
    return held
      ? reject('MEETING_ALREADY_RECORDED', 'stream', 'Dit overleg is al geregistreerd: een overlegstream bevat één MeetingHeld')
      : { ok: true, event };
  }
  if (!held) return reject('MEETING_NOT_RECORDED', 'stream', 'Dit overleg bestaat nog niet: het eerste event van een overlegstream is MeetingHeld');
  if (event.data.retractedEventId !== held.eventId) {
    return reject('RETRACTED_EVENT_NOT_FOUND', 'data.retractedEventId', 'Het in te trekken event bestaat niet in dit overleg: alleen de MeetingHeld kan worden ingetrokken');
  }
  if (history.some((e) => e.type === 'EventRetracted')) return reject('ALREADY_RETRACTED', 'data.retractedEventId', 'Dit overleg is al ingetrokken');
  if (event.data.effectiveOn < held.data.effectiveOn) {
    return reject('EFFECTIVE_BEFORE_MEETING', 'data.effectiveOn', `effectiveOn ligt voor de datum van het overleg (${held.data.effectiveOn})`);
  }
  return { ok: true, event };
}

function beforeOpening(openedOn: IsoDate): Decision {
  return reject('EFFECTIVE_BEFORE_OPENING', 'data.effectiveOn', `effectiveOn ligt voor de openingsdatum van de casus (${openedOn})`);
}
