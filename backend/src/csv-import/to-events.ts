// Rows (read through a mapping) as events. `snapshot`: each row is a child's status on a date, and the events are the
// difference between the case's derived state on that date and that status. `events`: each row is one event. Ids are
// deterministic (a hash of the mapping's name, the child or case, the date and the kind), so importing the same
// export again appends nothing. Pure.
import { createHash } from 'node:crypto';
import { stateOn, type CaseEvent, type CaseFacts, type CaseState, type EventData, type EventType } from '@pact/events';
import type { IngestInput } from '../ingest.ts';
import type { Mapping } from './mapping.ts';
import type { Row, Value } from './rows.ts';

/** A UUID (version 8, RFC 9562) from a SHA-256 of the parts. */
export function deterministicUuid(...parts: readonly (string | number)[]): string {
  const h = createHash('sha256').update(parts.join('\u001f')).digest('hex');
  const variant = ((parseInt(h[16], 16) & 3) | 8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The stream of a child's `index`-th case from this mapping (0 first; a new one after a closed case). */
export function caseStreamOf(mappingName: string, childRef: string, index: number): string {
  return `case-${deterministicUuid('case', mappingName, childRef, index)}`;
}

/** What the store holds of a child's cases from this mapping, in index order. */
export type ChildCases = readonly (readonly CaseEvent[])[];

type Event = { eventId: string; type: EventType; stream: string; data: Record<string, unknown>; schemaVersion: 1 };

const str = (v: Value | undefined) => (v === undefined ? undefined : String(v));
const list = (v: Value | undefined) => (Array.isArray(v) ? v : v === undefined ? [] : [String(v)]);

/** The status a snapshot row describes, in the terms of CaseFacts. */
interface Status {
  enrolled: Value | undefined;
  phase: string | undefined;
  authorised: Value | undefined;
  reason: string | undefined;
  exemption: string | undefined;
  exemptionUntil: string | undefined;
  plan: { accountableRole: string | undefined; planKind: string | undefined; reviewOn: string | undefined } | undefined;
  offer: string | undefined;
  waitlists: string[];
  closed: string | undefined;
}

function statusOf(f: Row['fields']): Status {
  const hasPlan = f.planKind !== undefined || f.planRole !== undefined || f.planReviewOn !== undefined;
  return {
    enrolled: f.enrolled,
    phase: str(f.phase),
    authorised: f.authorised,
    reason: str(f.reason),
    exemption: str(f.exemption),
    exemptionUntil: str(f.exemptionUntil),
    plan: hasPlan ? { accountableRole: str(f.planRole), planKind: str(f.planKind), reviewOn: str(f.planReviewOn) } : undefined,
    offer: str(f.offer),
    waitlists: list(f.waitlists),
    closed: str(f.closed),
  };
}

/** The phase's data as events.md writes it: `authorised` only away from school, `reason` when given. */
function phaseData(s: Status): Record<string, unknown> {
  return { phase: s.phase, ...(s.phase !== 'op_school' ? { authorised: s.authorised } : {}), ...(s.reason !== undefined && s.phase !== 'op_school' ? { reason: s.reason } : {}) };
}

/** The events (without ids) that take an open case from `facts` to status `s` on `on`. */
export function changesTo(facts: CaseFacts, s: Status, on: string): { type: EventType; data: Record<string, unknown>; key: string }[] {
  const out: { type: EventType; data: Record<string, unknown>; key: string }[] = [];
  const add = (type: EventType, data: Record<string, unknown>, key = '') => out.push({ type, data: { ...data, effectiveOn: on }, key });
  if (s.closed !== undefined) {
    add('CaseClosed', { outcome: s.closed });
    return out;
  }
  if (s.enrolled !== undefined && s.enrolled !== facts.enrolled) add('EnrolmentChanged', { enrolled: s.enrolled });
  const authorised = s.phase === 'op_school' ? false : s.authorised === true;
  const reason = s.phase === 'op_school' ? null : (s.reason ?? null);
  if (s.phase !== undefined && (s.phase !== facts.phase || authorised !== facts.authorised || reason !== facts.reason)) add('PhaseChanged', phaseData(s));
  if (s.exemption === undefined && facts.exemption) add('ExemptionEnded', {});
  else if (s.exemption !== undefined && (facts.exemption?.article !== s.exemption || (facts.exemption.until ?? undefined) !== s.exemptionUntil)) {
    add('ExemptionGranted', { article: s.exemption, ...(s.exemptionUntil ? { until: s.exemptionUntil } : {}) });
  }
  if (!s.plan && facts.plan) add('PlanEnded', { outcome: 'uitgevoerd' });
  else if (s.plan) {
    const same = facts.plan && facts.plan.accountableRole === s.plan.accountableRole && facts.plan.planKind === s.plan.planKind;
    if (!same) {
      if (facts.plan) add('PlanEnded', { outcome: 'vervangen' }, 'oud');
      add('PlanAgreed', { accountableRole: s.plan.accountableRole, planKind: s.plan.planKind, reviewOn: s.plan.reviewOn });
    } else if (facts.plan!.reviewOn !== s.plan.reviewOn) add('PlanReviewed', { nextReviewOn: s.plan.reviewOn });
  }
  if (s.offer === undefined && facts.offer) add('OfferEnded', { outcome: 'afgerond' });
  else if (s.offer !== undefined && facts.offer?.offerKind !== s.offer) add('OfferStarted', { offerKind: s.offer });
  for (const w of Object.keys(facts.waitlists)) if (!s.waitlists.includes(w)) add('WaitlistLeft', { waitingFor: w }, w);
  for (const w of s.waitlists) if (!(w in facts.waitlists)) add('WaitlistEntered', { waitingFor: w }, w);
  return out;
}

function openingData(f: Row['fields'], s: Status): Record<string, unknown> {
  return {
    childRef: f.childRef,
    gemeente: f.gemeente,
    swv: f.swv,
    sector: f.sector,
    birthYear: f.birthYear,
    signalledBy: f.signalledBy,
    enrolled: s.enrolled,
    ...phaseData(s),
  };
}

/**
 * The events that take each child's cases to the statuses of its rows, row by row in date order. A row for a child
 * with no open case opens one (the next index after a closed case); a closing row without an open case adds nothing.
 * Each event carries the line of its row.
 */
export function snapshotEvents(mapping: Mapping, rows: readonly Row[], existing: (childRef: string) => ChildCases): IngestInput[] {
  const byChild = new Map<string, Row[]>();
  for (const row of rows) {
    const ref = String(row.fields.childRef ?? '');
    const list = byChild.get(ref);
    if (list) list.push(row);
    else byChild.set(ref, [row]);
  }
  const inputs: IngestInput[] = [];
  for (const [childRef, childRows] of byChild) {
    const cases = existing(childRef).map((events) => [...events]);
    if (cases.length === 0) cases.push([]);
    const sorted = [...childRows].sort((a, b) => String(a.fields.date).localeCompare(String(b.fields.date)) || a.line - b.line);
    for (const row of sorted) {
      const on = String(row.fields.date);
      const s = statusOf(row.fields);
      let index = cases.length - 1;
      let state: CaseState = stateOn(cases[index], on);
      if (state.status === 'closed' && s.closed === undefined && stateOn(cases[index], '2099-12-31').status === 'closed') {
        cases.push([]);
        index++;
        state = { status: 'unopened' };
      }
      const stream = caseStreamOf(mapping.name, childRef, index);
      const make = (type: EventType, data: Record<string, unknown>, key: string): Event => ({
        eventId: deterministicUuid(mapping.name, childRef, index, on, type, key),
        type,
        stream,
        data,
        schemaVersion: 1,
      });
      let events: Event[] = [];
      if (state.status === 'unopened') {
        if (s.closed !== undefined) continue;
        events = [make('CaseOpened', { ...openingData(row.fields, s), effectiveOn: on }, '')];
        const opened = stateOn([events[0] as unknown as CaseEvent], on);
        if (opened.status === 'open') events.push(...changesTo({ ...opened, phase: s.phase as CaseFacts['phase'] }, { ...s, phase: undefined }, on).map((c) => make(c.type, c.data, c.key)));
      } else if (state.status === 'open') {
        events = changesTo(state, s, on).map((c) => make(c.type, c.data, c.key));
      }
      for (const event of events) {
        cases[index].push(event as unknown as CaseEvent);
        inputs.push({ line: row.line, value: event });
      }
    }
  }
  return inputs.sort((a, b) => a.line - b.line);
}

/** The data fields of each event type that a row of mode `events` may fill. */
const DATA_FIELDS: { [T in EventType]?: readonly (keyof EventData<T> & string)[] } = {
  CaseOpened: ['childRef', 'gemeente', 'swv', 'sector', 'birthYear', 'signalledBy', 'enrolled', 'phase', 'authorised', 'reason'],
  PhaseChanged: ['phase', 'authorised', 'reason'],
  EnrolmentChanged: ['enrolled'],
  ExemptionGranted: ['article', 'until'],
  ExemptionEnded: [],
  ReducedTimetableGranted: ['hoursPerWeek'],
  ReducedTimetableEnded: [],
  PlanAgreed: ['accountableRole', 'planKind', 'reviewOn'],
  PlanEnded: ['outcome'],
  PlanReviewed: ['nextReviewOn'],
  OfferStarted: ['offerKind'],
  OfferEnded: ['outcome'],
  WaitlistEntered: ['waitingFor'],
  WaitlistLeft: ['waitingFor'],
  Escalated: ['level'],
  CaseDiscussed: ['forum'],
  EnforcementRecorded: ['measure'],
  CaseClosed: ['outcome'],
};

/** Mode `events`: one event per row, in the stream of the row's case key; an unknown type is left to the schema. */
export function rowEvents(mapping: Mapping, rows: readonly Row[]): IngestInput[] {
  return rows.map((row) => {
    const type = String(row.fields.type) as EventType;
    const fields = (DATA_FIELDS[type] ?? []) as readonly string[];
    const data: Record<string, unknown> = {};
    for (const f of fields) if (row.fields[f as keyof Row['fields']] !== undefined) data[f] = row.fields[f as keyof Row['fields']];
    data.effectiveOn = row.fields.date;
    const caseKey = String(row.fields.case);
    const key = fields.map((f) => String(data[f] ?? '')).join('|');
    return {
      line: row.line,
      value: { eventId: deterministicUuid(mapping.name, caseKey, String(row.fields.date), type, key), type, stream: `case-${deterministicUuid('case', mapping.name, caseKey)}`, data, schemaVersion: 1 },
    };
  });
}
