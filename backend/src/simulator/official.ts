// The simulator's own check of the four published figures (metrics.md: lrv_totaal, lrv_3m, av_totaal, av_3m),
// computed from each case's events by the projections' pure case facts (the one home of every time rule), not by
// the read models or the reports. Calibration uses it to plan a history that lands on the published numbers; the
// real pipeline then has to agree (test).
import { caseFacts, DEFAULT_CONFIG, has, projectionSettings, type Flag, type FlagStretch } from '@pact/projections';
import type { CaseEvent, IsoDate } from '@pact/events';

/** The simulator writes what any region's registrators would: it plans with metrics.md's default time rules. */
export const SIMULATED_RULES = projectionSettings(DEFAULT_CONFIG);

/** The stretches of a case (flags per stretch of days), by the projections' case facts. */
export const stretchesOf = (events: readonly CaseEvent[]): FlagStretch[] => caseFacts(events, SIMULATED_RULES).stretches;

/** Whether `flag` holds on some day of [from, to]. */
export function flagDuring(stretches: readonly FlagStretch[], flag: Flag, from: IsoDate, to: IsoDate): boolean {
  return stretches.some((s) => s.start <= to && (s.end === null || s.end >= from) && has(s.mask, flag));
}

export interface OfficialFlags {
  lrv: boolean;
  lrv3m: boolean;
  av: boolean;
  av3m: boolean;
}

/** The four flags of one case over the period [from, to]. */
export function officialFlags(events: readonly CaseEvent[], from: IsoDate, to: IsoDate): OfficialFlags {
  const stretches = stretchesOf(events);
  return {
    lrv: flagDuring(stretches, 'lrv', from, to),
    lrv3m: flagDuring(stretches, 'lrv_3m', from, to),
    av: flagDuring(stretches, 'av', from, to),
    av3m: flagDuring(stretches, 'av_3m', from, to),
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
