// The meeting figures of metrics.md, from the dates of the meetings in scope: months with a Leerplicht/SWV overleg
// against the months it was expected, two-monthly kernpartner blocks, kernpartner and OOGO meetings. Pure.
import { addMonths, meetingForum, monthBounds, monthOf, monthsBetween, type EventData, type IsoDate, type YearMonth } from '@pact/events';
import type { RegionConfig } from '../config.ts';
import type { MeetingFigure } from './catalogue.ts';

export type Forum = EventData<'MeetingHeld'>['forum'];
export const FORUMS = meetingForum.options;

export interface Meeting {
  /** The meeting's id (its stream: meeting-<id>). */
  id: string;
  forum: Forum;
  gemeente: string | null;
  swv: string | null;
  on: IsoDate;
}

/** The calendar months of [start, through] (none when through < start). */
export function monthsOf(start: IsoDate, through: IsoDate): YearMonth[] {
  return through < start ? [] : monthsBetween(monthOf(start), monthOf(through));
}

/** The last months of the two-monthly kernpartner blocks: Aug–Sep, Oct–Nov, Dec–Jan, Feb–Mar, Apr–May, Jun–Jul. */
const BLOCK_LAST_MONTHS = new Set([9, 11, 1, 3, 5, 7]);

/** The block that ends in `month` (its two months), or null when no block ends then. */
export function blockEndingIn(month: YearMonth): { first: YearMonth; last: YearMonth } | null {
  if (!BLOCK_LAST_MONTHS.has(Number(month.slice(5, 7)))) return null;
  return { first: monthOf(addMonths(`${month}-01`, -1)), last: month };
}

export interface MeetingFigures {
  values: Record<MeetingFigure, number>;
  /** Expected months that have ended (before today) without an overleg: a running period can no longer meet it. */
  missedMonths: number;
  /** Counted blocks that have ended without a kernpartner meeting. */
  missedBlocks: number;
}

/** The meeting figures of one period [start, through] (through: its last day counted, at most today). */
export function meetingFigures(meetings: readonly Meeting[], span: { start: IsoDate; through: IsoDate }, today: IsoDate, config: Pick<RegionConfig, 'overlegPauseMonths'>): MeetingFigures {
  const months = monthsOf(span.start, span.through);
  const inSpan = (m: Meeting) => m.on >= span.start && m.on <= span.through;
  const ended = (month: YearMonth) => monthBounds(month).end < today;
  const monthsWith = (forum: Forum) => new Set(meetings.filter((m) => m.forum === forum && inSpan(m)).map((m) => monthOf(m.on)));

  const overleg = monthsWith('leerplicht_swv');
  const expected = months.filter((m) => !config.overlegPauseMonths.includes(Number(m.slice(5, 7))));
  const blocks = months.flatMap((m) => blockEndingIn(m) ?? []);
  // a block's meeting may lie in its first month, also when that month lies before the period
  const kernpartnerMonths = new Set(meetings.filter((m) => m.forum === 'kernpartner' && m.on <= span.through).map((m) => monthOf(m.on)));
  const blockHeld = (b: { first: YearMonth; last: YearMonth }) => kernpartnerMonths.has(b.first) || kernpartnerMonths.has(b.last);
  const count = (forum: Forum) => meetings.filter((m) => m.forum === forum && inSpan(m)).length;
  return {
    values: {
      overleg_maanden: expected.filter((m) => overleg.has(m)).length,
      overleg_maanden_verwacht: expected.length,
      kernpartner_blokken: blocks.filter(blockHeld).length,
      kernpartner_blokken_verwacht: blocks.length,
      kernpartner_overleggen: count('kernpartner'),
      oogo_overleggen: count('oogo'),
    },
    missedMonths: expected.filter((m) => ended(m) && !overleg.has(m)).length,
    missedBlocks: blocks.filter((b) => ended(b.last) && !blockHeld(b)).length,
  };
}

/** The earliest day a period's meeting figures look at: a block's first month may lie before the period. */
export const meetingsFrom = (start: IsoDate): IsoDate => monthBounds(monthOf(addMonths(start, -1))).start;

export interface MeetingScope {
  gemeente?: string;
  swv?: string;
}

/**
 * metrics.md "Scope": which meetings belong to a scope. `members(S)` are the gemeenten of swv S (the region's
 * `swvGemeenten`, else those named together with S by a case).
 */
export function meetingInScope(m: Meeting, scope: MeetingScope, members: (swv: string) => ReadonlySet<string>): boolean {
  const { gemeente, swv } = scope;
  if (gemeente && swv) return m.gemeente === gemeente || (m.gemeente === null && m.swv === swv);
  if (gemeente) return m.gemeente === gemeente || (m.gemeente === null && m.swv !== null && members(m.swv).has(gemeente));
  if (swv) return m.swv === swv || (m.swv === null && m.gemeente !== null && members(swv).has(m.gemeente));
  return true;
}
