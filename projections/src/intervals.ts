// Runs of days: sorted, disjoint, non-adjacent intervals with an inclusive last day (`end: null` = still going).
import { addDays, type IsoDate } from '@pact/events';

export interface Interval {
  start: IsoDate;
  end: IsoDate | null;
}

const FOREVER = '9999-12-31';
const endOf = (i: Interval) => i.end ?? FOREVER;
const out = (start: IsoDate, end: IsoDate): Interval => ({ start, end: end === FOREVER ? null : end });

/** Sorts and merges overlapping or adjacent intervals into maximal runs. */
export function normalise(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.start <= endOf(i)).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: { start: IsoDate; end: IsoDate }[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start <= (last.end === FOREVER ? FOREVER : addDays(last.end, 1))) {
      if (endOf(i) > last.end) last.end = endOf(i);
    } else merged.push({ start: i.start, end: endOf(i) });
  }
  return merged.map((m) => out(m.start, m.end));
}

export function union(...lists: (readonly Interval[])[]): Interval[] {
  return normalise(lists.flat());
}

export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  for (const x of a) {
    for (const y of b) {
      const start = x.start > y.start ? x.start : y.start;
      const end = endOf(x) < endOf(y) ? endOf(x) : endOf(y);
      if (start <= end) result.push(out(start, end));
    }
  }
  return normalise(result);
}

/** The days of `a` that are not in `b`. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  let rest = normalise(a).map((i) => ({ start: i.start, end: endOf(i) }));
  for (const y of normalise(b)) {
    const yEnd = endOf(y);
    rest = rest.flatMap((x) => {
      if (yEnd < x.start || y.start > x.end) return [x];
      const parts: { start: IsoDate; end: IsoDate }[] = [];
      if (y.start > x.start) parts.push({ start: x.start, end: addDays(y.start, -1) });
      if (yEnd < x.end) parts.push({ start: addDays(yEnd, 1), end: x.end });
      return parts;
    });
  }
  return rest.map((x) => out(x.start, x.end));
}

/**
 * For each spell, the days from `from(spell.start)` to its end: e.g. the days on which a spell has lasted
 * 4 weeks (`s + 28`) or 3 months (`addMonths(s, 3)`). Spells that end before that day give nothing.
 */
export function fromDay(spells: readonly Interval[], from: (start: IsoDate) => IsoDate): Interval[] {
  return normalise(spells.map((s) => ({ start: from(s.start), end: s.end })));
}

/** For each spell, the days from `from(start)` up to (not including) `until(start)`, within the spell. */
export function betweenDays(spells: readonly Interval[], from: (start: IsoDate) => IsoDate, until: (start: IsoDate) => IsoDate): Interval[] {
  return normalise(
    spells.flatMap((s) => {
      const last = addDays(until(s.start), -1);
      const end = endOf(s) < last ? endOf(s) : last;
      return [{ start: from(s.start), end: end === FOREVER ? null : end }];
    }),
  );
}

export function contains(intervals: readonly Interval[], day: IsoDate): boolean {
  return intervals.some((i) => i.start <= day && day <= endOf(i));
}

/** The interval of `intervals` that contains `day`, if any. */
export function spellOn(intervals: readonly Interval[], day: IsoDate): Interval | undefined {
  return intervals.find((i) => i.start <= day && day <= endOf(i));
}

export function overlaps(intervals: readonly Interval[], start: IsoDate, end: IsoDate): boolean {
  return intervals.some((i) => i.start <= end && endOf(i) >= start);
}
