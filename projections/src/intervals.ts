// Runs of days: sorted, disjoint, non-adjacent intervals with an inclusive last day (`end: null` = still going).
import { addDays, type IsoDate } from '@pact/events';

export interface Interval {
  start: IsoDate;
  end: IsoDate | null;
}

const FOREVER = '9999-12-31';
const endOf = (i: Interval) => i.end ?? FOREVER;
const out = (start: IsoDate, end: IsoDate): Interval => ({ start, end: end === FOREVER ? null : end });

/** Sorts and merges overlapping or adjacent intervals into maximal runs; empty ones are dropped. */
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

/** The days of `intervals` from `from` on (inclusive). */
export function from(intervals: readonly Interval[], day: IsoDate): Interval[] {
  return intersect(intervals, [{ start: day, end: null }]);
}

/** The days of `intervals` before `day`. */
export function before(intervals: readonly Interval[], day: IsoDate): Interval[] {
  return intersect(intervals, [{ start: '0000-01-01', end: addDays(day, -1) }]);
}

/** For each run, its days from `shift(run.start)` on: e.g. the days on which a run has lasted 4 weeks. */
export function lasted(runs: readonly Interval[], shift: (start: IsoDate) => IsoDate): Interval[] {
  return normalise(runs.map((r) => ({ start: shift(r.start), end: r.end })));
}

export function covers(intervals: readonly Interval[], day: IsoDate): boolean {
  return intervals.some((i) => i.start <= day && day <= endOf(i));
}
