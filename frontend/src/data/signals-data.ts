// The signal list for the monthly overleg, shaped for its table: sortable rows in words, a count per level, and
// the events that record the overleg itself (MeetingHeld) and each case discussed in it (CaseDiscussed).
import { AGE_BAND_LABELS, PLAN_STATUS_LABELS, SIGNAL_GROUP_LABELS, SIGNAL_LEVEL_SHORT, signalLevelLabels } from '@pact/projections/labels';
import type { PactEvent, RegionConfig, Signal } from '../api/client.ts';
import { formatCount, formatShortDate } from '../format.ts';
import { ESCALATION_LABELS, labelOf, OFFER_LABELS, WAITING_FOR_LABELS } from '../labels.ts';

export const SORT_KEYS = {
  urgentie: 'Urgentie',
  dagen: 'Dagen thuis',
  norm: 'Normdatum',
  evaluatie: 'Evaluatie plan',
  besproken: 'Laatst besproken',
} as const;
export type SortKey = keyof typeof SORT_KEYS;
export type Direction = 'oplopend' | 'aflopend';

const LEVELS: readonly Signal['level'][] = ['overschreden', 'dreigend', 'in_beeld', 'aanbod'];
const urgency = (s: Signal) => (s.group === 'profiel' ? 0 : 10) + LEVELS.indexOf(s.level);

/** Sort keys as comparable values; a missing date sorts as the earliest (never reviewed, never discussed). */
const KEY: Record<SortKey, (s: Signal) => number | string> = {
  urgentie: (s) => urgency(s) * 100_000 - s.daysOut,
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
  group: Signal['group'];
  level: Signal['level'];
  levelText: string;
  groupText: string;
  sector: string;
  ageText: string;
  daysText: string;
  sinceText: string;
  normText: string;
  planText: string;
  reviewText: string;
  /** The plan is verlopen: its review date passed without a review. */
  reviewOverdue: boolean;
  offerText: string;
  waitlistText: string;
  escalationText: string;
  discussedText: string;
  discussedThisMonth: boolean;
}

/** One signal in words. The levels' words name the region's norm (`normMonths`). */
export function signalRow(s: Signal, config: RegionConfig): SignalRow {
  return {
    caseId: s.caseId,
    group: s.group,
    level: s.level,
    levelText: signalLevelLabels(config)[s.level],
    groupText: SIGNAL_GROUP_LABELS[s.group],
    sector: s.sector.toUpperCase(),
    ageText: AGE_BAND_LABELS[s.ageBand],
    daysText: `${formatCount(s.daysOut)} dagen`,
    sinceText: formatShortDate(s.spellStart),
    normText: formatShortDate(s.normOn),
    planText: s.plan ? PLAN_STATUS_LABELS[s.plan.status] : 'Geen plan',
    reviewText: s.plan ? (s.plan.status === 'verlopen' ? `evaluatie was ${formatShortDate(s.plan.reviewOn)}` : `evaluatie ${formatShortDate(s.plan.reviewOn)}`) : '',
    reviewOverdue: s.plan?.status === 'verlopen',
    offerText: s.offer ? `Aanbod: ${labelOf(OFFER_LABELS, s.offer.kind).toLowerCase()} sinds ${formatShortDate(s.offer.start)}` : '',
    waitlistText: s.waitlists.length ? s.waitlists.map((w) => labelOf(WAITING_FOR_LABELS, w)).join('; ') : '–',
    escalationText: s.escalation ? labelOf(ESCALATION_LABELS, s.escalation) : '–',
    discussedText: s.lastDiscussed ? formatShortDate(s.lastDiscussed.on) : 'Nog niet besproken',
    discussedThisMonth: s.discussedThisMonth,
  };
}

/** "183 casussen op de lijst: 60 over de norm, 123 met passend aanbod; 12 geoorloofd thuis." (empty levels left out) */
export function listSummary(signals: readonly Signal[]): string {
  if (signals.length === 0) return 'Geen casussen op de lijst: geen kind is 4 weken of langer thuis.';
  const listed = signals.filter((s) => s.group === 'profiel');
  const authorised = signals.length - listed.length;
  const parts = LEVELS.flatMap((level) => {
    const n = listed.filter((s) => s.level === level).length;
    return n > 0 ? [`${formatCount(n)} ${SIGNAL_LEVEL_SHORT[level]}`] : [];
  });
  const tail = authorised > 0 ? `; daarnaast ${formatCount(authorised)} geoorloofd thuis (bijvoorbeeld ziek)` : '';
  return `${formatCount(signals.length)} ${signals.length === 1 ? 'casus' : 'casussen'} op de lijst: ${parts.length ? parts.join(', ') : 'geen thuiszitters'}${tail}.`;
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

/** The retraction of a meeting recorded by mistake (registered twice, on the wrong date or as the wrong forum). */
export function retractionEvent(meeting: { eventId: string; meetingId: string }, on: string, eventId: string): PactEvent {
  return { eventId, type: 'EventRetracted', stream: `meeting-${meeting.meetingId}`, data: { retractedEventId: meeting.eventId, reason: 'invoerfout', effectiveOn: on }, schemaVersion: 1 };
}
