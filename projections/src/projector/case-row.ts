// The `readmodel.cases` row of a case: its identity and its state as of its latest events (case pages, the
// registered range, the signal list's sector and age).
import { activeEvents, timeline } from '@pact/events';
import type { CaseIdentity } from '../facts/case-timeline.ts';
import type { ReadModelTables } from '../schema.ts';
import type { StoredCaseEvent } from './case-cache.ts';

export type CaseRow = ReadModelTables['readmodel.cases'];

/** The identity from the case's CaseOpened (also when it was retracted: rows still believed need it to be closed). */
export function identityOf(events: readonly StoredCaseEvent[]): CaseIdentity | null {
  const opened = events[0];
  return opened?.type === 'CaseOpened' ? { childRef: opened.data.childRef, gemeente: opened.data.gemeente, swv: opened.data.swv } : null;
}

export function caseRow(caseId: string, events: readonly StoredCaseEvent[]): CaseRow {
  const segments = timeline(events);
  const state = segments[segments.length - 1]?.state;
  const last = events[events.length - 1];
  const opened = events[0]?.type === 'CaseOpened' ? events[0].data : null;
  const base = {
    case_id: caseId,
    revision: last.revision,
    last_recorded_at: new Date(last.recordedAt),
    child_ref: opened?.childRef ?? null,
    gemeente: opened?.gemeente ?? null,
    swv: opened?.swv ?? null,
    sector: opened?.sector ?? null,
    birth_year: opened?.birthYear ?? null,
  };
  if (!state || state.status === 'unopened') {
    // A retracted case counts nowhere, but keeps its child and scope so that it can be found (and erased).
    return { ...base, opened_on: null, closed_on: null, outcome: null, status: 'retracted', last_event_on: null };
  }
  return {
    ...base,
    opened_on: state.openedOn,
    closed_on: state.status === 'closed' ? state.closedOn : null,
    outcome: state.status === 'closed' ? state.outcome : null,
    status: state.status,
    last_event_on: activeEvents(events).reduce((latest, e) => (e.data.effectiveOn > latest ? e.data.effectiveOn : latest), state.openedOn),
  };
}
