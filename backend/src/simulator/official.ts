// The simulator's own check of the four published figures (metrics.md: lrv_totaal, lrv_3m, av_totaal, av_3m),
// computed from the events with the case fold of @pact/events, not with the projections. Calibration uses
// it to plan a history that lands on the published numbers; the real pipeline then has to agree (test).
import { addDays, addMonths, timeline, type CaseEvent, type CaseState, type IsoDate, type Segment } from '@pact/events';

export interface Run {
  start: IsoDate;
  /** Last day (inclusive); null while it lasts. */
  end: IsoDate | null;
}

type Open = Extract<CaseState, { status: 'open' }>;
const noExemption = (s: Open) => s.exemption === null;
export const isAv = (s: Open) => !s.enrolled && noExemption(s);
export const isLrvBase = (s: Open) => s.enrolled && noExemption(s) && s.phase === 'thuis' && !s.authorised;

/** The runs of consecutive days on which `holds` is true of an open case. */
export function runsOf(segments: readonly Segment[], holds: (s: Open) => boolean): Run[] {
  const runs: Run[] = [];
  for (const seg of segments) {
    if (seg.state.status !== 'open' || !holds(seg.state)) continue;
    const end = seg.to === null ? null : addDays(seg.to, -1);
    const last = runs[runs.length - 1];
    if (last && last.end !== null && addDays(last.end, 1) === seg.from) last.end = end;
    else runs.push({ start: seg.from, end });
  }
  return runs;
}

/** Whether some day of [from, to] lies in the run from `shifted(start)` on. */
const reaches = (run: Run, from: IsoDate, to: IsoDate, shifted: (d: IsoDate) => IsoDate) => {
  const first = shifted(run.start);
  const a = first > from ? first : from;
  return run.end === null ? a <= to : a <= (run.end < to ? run.end : to);
};
const same = (d: IsoDate) => d;
const fourWeeks = (d: IsoDate) => addDays(d, 28);
const threeMonths = (d: IsoDate) => addMonths(d, 3);

export interface OfficialFlags {
  lrv: boolean;
  lrv3m: boolean;
  av: boolean;
  av3m: boolean;
}

/** The four flags of one case over the period [from, to]. */
export function officialFlags(events: readonly CaseEvent[], from: IsoDate, to: IsoDate): OfficialFlags {
  const segments = timeline(events);
  const av = runsOf(segments, isAv);
  const lrv = runsOf(segments, isLrvBase);
  return {
    lrv: lrv.some((r) => reaches(r, from, to, fourWeeks)),
    lrv3m: lrv.some((r) => reaches(r, from, to, threeMonths)),
    av: av.some((r) => reaches(r, from, to, same)),
    av3m: av.some((r) => reaches(r, from, to, threeMonths)),
  };
}

export interface OfficialCounts {
  lrv_totaal: number;
  lrv_3m: number;
  av_totaal: number;
  av_3m: number;
}

/** Distinct children per flag over the period, from each case's events (stream order). */
export function officialCounts(cases: Iterable<readonly CaseEvent[]>, from: IsoDate, to: IsoDate): OfficialCounts {
  const byChild = new Map<string, OfficialFlags>();
  for (const events of cases) {
    const opened = events[0];
    if (opened?.type !== 'CaseOpened') continue;
    const f = officialFlags(events, from, to);
    const c = byChild.get(opened.data.childRef) ?? { lrv: false, lrv3m: false, av: false, av3m: false };
    byChild.set(opened.data.childRef, { lrv: c.lrv || f.lrv, lrv3m: c.lrv3m || f.lrv3m, av: c.av || f.av, av3m: c.av3m || f.av3m });
  }
  const count = (k: keyof OfficialFlags) => [...byChild.values()].filter((f) => f[k]).length;
  return { lrv_totaal: count('lrv'), lrv_3m: count('lrv3m'), av_totaal: count('av'), av_3m: count('av3m') };
}
