// The signal list for the monthly overleg, shaped for its table: sortable rows in words, a count per level, and
// the events that record the overleg itself (MeetingHeld) and each case discussed in it (CaseDiscussed).
import type { PactEvent, Signal } from '../api/client.ts';
import { formatCount, formatShortDate } from '../format.ts';
import { ACCOUNTABLE_LABELS, CASE_FORUM_LABELS, LEVEL_LABELS, labelOf, OFFER_LABELS, PLAN_KIND_LABELS, WAITING_FOR_LABELS } from '../labels.ts';

export const SORT_KEYS = {
  urgentie: 'Urgentie',
  dagen: 'Dagen thuis',
  norm: '3 maanden op',
  evaluatie: 'Plan of aanbod',
  besproken: 'Laatst besproken',
} as const;
export type SortKey = keyof typeof SORT_KEYS;
export type Direction = 'oplopend' | 'aflopend';

const LEVEL_RANK: Record<Signal['level'], number> = { overschreden: 0, dreigend: 1, aandacht: 2, gedekt: 3 };

/** Sort keys as comparable values; a missing date sorts as the earliest (never reviewed, never discussed). */
const KEY: Record<SortKey, (s: Signal) => number | string> = {
  urgentie: (s) => LEVEL_RANK[s.level] * 100_000 - s.daysOut,
  dagen: (s) => s.daysOut,
  norm: (s) => s.normOn,
  evaluatie: (s) => s.plan?.reviewOn ?? '',
  besproken: (s) => s.lastDiscussed?.on ?? '',
};

/** The list in the chosen order; ties keep the API's order (most urgent first). */
export function sortSignals(signals: readonly Signal[], key: SortKey, direction: Direction): Signal[] {
  const sign = direction === 'oplopend' ? 1 : -1;
  return signals
    .map((s, i) => ({ s, i }))
    .sort((a, b) => {
      const x = KEY[key](a.s);
      const y = KEY[key](b.s);
      return (x < y ? -sign : x > y ? sign : 0) || a.i - b.i;
    })
    .map(({ s }) => s);
}

export const isSortKey = (v: string | null): v is SortKey => v !== null && v in SORT_KEYS;

export interface SignalRow {
  caseId: string;
  level: Signal['level'];
  levelText: string;
  sector: string;
  daysText: string;
  sinceText: string;
  normText: string;
  planText: string;
  reviewText: string;
  reviewOverdue: boolean;
  offerText: string;
  waitlistText: string;
  discussedText: string;
}

export function signalRow(s: Signal): SignalRow {
  return {
    caseId: s.caseId,
    level: s.level,
    levelText: LEVEL_LABELS[s.level],
    sector: s.sector.toUpperCase(),
    daysText: `${formatCount(s.daysOut)} dagen`,
    sinceText: formatShortDate(s.spellStart),
    normText: formatShortDate(s.normOn),
    planText: s.plan ? `${labelOf(PLAN_KIND_LABELS, s.plan.planKind)} (${labelOf(ACCOUNTABLE_LABELS, s.plan.accountableRole).toLowerCase()})` : 'Geen plan',
    reviewText: s.plan ? `evaluatie ${formatShortDate(s.plan.reviewOn)}${s.plan.reviewOverdue ? ', verlopen' : ''}` : '',
    reviewOverdue: s.plan?.reviewOverdue ?? false,
    offerText: s.offer ? `Aanbod: ${labelOf(OFFER_LABELS, s.offer.offerKind).toLowerCase()}` : '',
    waitlistText: s.waitlists.length ? s.waitlists.map((w) => `${labelOf(WAITING_FOR_LABELS, w.waitingFor)} (sinds ${formatShortDate(w.since)})`).join('; ') : '–',
    discussedText: s.lastDiscussed ? `${formatShortDate(s.lastDiscussed.on)}, ${labelOf(CASE_FORUM_LABELS, s.lastDiscussed.forum).toLowerCase()}` : 'Nog niet besproken',
  };
}

/** "183 casussen op de lijst: 60 over de norm, 123 met plan of aanbod." (levels without cases left out) */
export function listSummary(signals: readonly Signal[]): string {
  if (signals.length === 0) return 'Geen casussen op de lijst: geen kind is 4 weken of langer thuis.';
  const parts = (Object.keys(LEVEL_LABELS) as Signal['level'][]).flatMap((level) => {
    const n = signals.filter((s) => s.level === level).length;
    return n > 0 ? [`${formatCount(n)} ${LEVEL_LABELS[level].toLowerCase()}`] : [];
  });
  return `${formatCount(signals.length)} ${signals.length === 1 ? 'casus' : 'casussen'} op de lijst: ${parts.join(', ')}.`;
}

export const MEETING_FORUMS = { leerplicht_swv: 'Leerplicht/SWV-overleg (maandelijks)', kernpartner: 'Kernpartneroverleg (tweemaandelijks)' } as const;
export type MeetingForum = keyof typeof MEETING_FORUMS;

export interface MeetingInput {
  forum: MeetingForum;
  on: string;
  scope: { gemeente?: string; swv?: string };
  caseIds: string[];
}

/** Today's overleg and the cases discussed in it, as one all-or-nothing request. Ids come from the caller. */
export function meetingEvents(input: MeetingInput, newId: () => string): PactEvent[] {
  const meetingId = newId();
  const held: PactEvent = {
    eventId: newId(),
    type: 'MeetingHeld',
    stream: `meeting-${meetingId}`,
    data: { forum: input.forum, ...input.scope, casesDiscussed: input.caseIds.length, effectiveOn: input.on },
    schemaVersion: 1,
  };
  const discussed = input.caseIds.map(
    (caseId): PactEvent => ({ eventId: newId(), type: 'CaseDiscussed', stream: `case-${caseId}`, data: { forum: input.forum, meetingId, effectiveOn: input.on }, schemaVersion: 1 }),
  );
  return [held, ...discussed];
}
