// Breakdowns (interface.md "Breakdowns"): a figure's children split into cells by sector, age, reason, waiting
// list or duration. The SQL reads the stretches of the scope; a pure function decides, per child, whether each
// figure counts it (the catalogue's own condition on the same masks, so the cells of a partitioning dimension sum
// to the figure) and in which cell: that of the case that counts it with the earliest norm spell start s*.
import { sql } from 'kysely';
import { absenceReason, addMonths, sector as sectors, waitingFor, type Db, type IsoDate } from '@pact/events';
import type { Profile, RegionConfig } from '../config.ts';
import { AGE_BANDS, ageBandOf } from '../facts/age.ts';
import { fourWeeksFrom, type TimeRules } from '../facts/case-timeline.ts';
import { has, type Flag } from '../facts/flags.ts';
import type { NormCondition } from '../facts/conditions.ts';
import { METRICS, type ChildCondition } from './catalogue.ts';
import { believed, bounds, caseScope, ENDS, holds, spansOf, type FigureQuery, type Masks } from './figures.ts';

export const BREAKDOWN_STOCK = ['thuiszitters', 'av', 'lrv', 'norm_overschreden', 'verborgen'] as const;
export const BREAKDOWN_PERIOD = ['thuiszitters_totaal', 'av_totaal', 'lrv_totaal', 'norm_overschreden_totaal'] as const;
export const DURATION_BANDS = ['tot_4w', '4w_2m', '2m_3m', '3m_6m', '6m_1j', '1j_plus'] as const;

/** Each dimension's cells, in order; `partition`: every child counted is in exactly one cell. */
export const DIMENSIONS = {
  sector: { cells: sectors.options, partition: true, periodFigures: true },
  leeftijd: { cells: AGE_BANDS, partition: true, periodFigures: true },
  reden: { cells: [...absenceReason.options, 'onbekend'], partition: true, periodFigures: true },
  wachtlijst: { cells: [...waitingFor.options, 'geen'], partition: false, periodFigures: true },
  duur: { cells: DURATION_BANDS, partition: true, periodFigures: false },
} as const;
export type Dimension = keyof typeof DIMENSIONS;
export const DIMENSION_IDS = Object.keys(DIMENSIONS) as Dimension[];

/** The figures a dimension splits (duur: the stock figures only, a length on one day). */
export const breakdownMetrics = (by: Dimension): string[] => [...BREAKDOWN_STOCK, ...(DIMENSIONS[by].periodFigures ? BREAKDOWN_PERIOD : [])];

/** Per cell, per figure: the number of children. */
export type Cells = Record<string, Record<string, number>>;
/** A period's cells for each dimension asked for. */
export type Breakdowns = Partial<Record<Dimension, Cells>>;

/** One stretch of a case in scope, clipped to nothing: its days, flags and details, and its case's attributes. */
export interface BreakdownStretch {
  caseId: string;
  childRef: string;
  start: IsoDate;
  end: IsoDate | null;
  mask: bigint;
  /** s* of the profile's norm spell and of leerrecht's (verborgen) on these days. */
  spellStart: IsoDate | null;
  leerrechtStart: IsoDate | null;
  reason: string | null;
  sector: string | null;
  birthYear: number | null;
}

const WAITLIST_FLAGS = waitingFor.options.map((w) => [w, `waitlist_${w}` as Flag] as const);

const covers = (s: BreakdownStretch, day: IsoDate) => s.start <= day && (s.end === null || day <= s.end);

/** The length band of a norm spell that began on `s` on `day` (4 weeks: the region's; then calendar months). */
export function durationBand(s: IsoDate, day: IsoDate, rules: TimeRules): (typeof DURATION_BANDS)[number] {
  if (day < fourWeeksFrom(s, rules)) return 'tot_4w';
  if (day < addMonths(s, 2)) return '4w_2m';
  if (day < addMonths(s, 3)) return '2m_3m';
  if (day < addMonths(s, 6)) return '3m_6m';
  if (day < addMonths(s, 12)) return '6m_1j';
  return '1j_plus';
}

function masksOf(stretches: readonly BreakdownStretch[], first: IsoDate, last: IsoDate): Masks {
  const m: Masks = { period: 0n, stock: 0n, first: 0n };
  for (const s of stretches) {
    m.period |= s.mask;
    if (covers(s, last)) m.stock |= s.mask;
    if (covers(s, first)) m.first |= s.mask;
  }
  return m;
}

/**
 * The cells of one period [first, last] (last: the stock day) for a dimension. `stretches`: those of the scope
 * that overlap the period, believed at the report's system time.
 */
export function breakdownCells(stretches: readonly BreakdownStretch[], period: { first: IsoDate; last: IsoDate }, profile: Profile, by: Dimension, config: RegionConfig): Cells {
  const ids = breakdownMetrics(by);
  const cells: Cells = Object.fromEntries(DIMENSIONS[by].cells.map((c) => [c, Object.fromEntries(ids.map((id) => [id, 0]))]));
  const byChild = new Map<string, Map<string, BreakdownStretch[]>>();
  for (const s of stretches) {
    if (s.start > period.last || (s.end !== null && s.end < period.first)) continue;
    const cases = byChild.get(s.childRef) ?? new Map<string, BreakdownStretch[]>();
    byChild.set(s.childRef, cases);
    cases.set(s.caseId, [...(cases.get(s.caseId) ?? []), s]);
  }
  const conditions = new Map(METRICS.filter((m) => ids.includes(m.id)).map((m) => [m.id, m] as const));
  for (const cases of byChild.values()) {
    const all = [...cases.values()].flat();
    const childMasks = masksOf(all, period.first, period.last);
    for (const id of ids) {
      const metric = conditions.get(id)!;
      if (!('children' in metric.compute)) continue;
      const condition = metric.compute.children(profile);
      if (!holds(condition, childMasks)) continue;
      const stock = metric.type === 'stock';
      const chosen = countingCase(cases, condition, period, stock, id === 'verborgen' ? 'leerrecht' : 'profile');
      for (const cell of cellsOf(chosen, condition, period, stock, by, config, id === 'verborgen')) cells[cell][id] += 1;
    }
  }
  return cells;
}

type SpellOf = 'profile' | 'leerrecht';
const spellStartOf = (s: BreakdownStretch, which: SpellOf) => (which === 'leerrecht' ? s.leerrechtStart : s.spellStart);

/** The child's case that counts it with the earliest s* (ties: the lowest case id); all its cases when none alone does. */
function countingCase(cases: Map<string, BreakdownStretch[]>, condition: ChildCondition, period: { first: IsoDate; last: IsoDate }, stock: boolean, which: SpellOf): BreakdownStretch[] {
  const entries = [...cases.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const counting = entries.filter(([, list]) => holds(condition, masksOf(list, period.first, period.last)));
  const candidates = counting.length > 0 ? counting : entries;
  const startOf = (list: BreakdownStretch[]): IsoDate => {
    const starts = (stock ? list.filter((s) => covers(s, period.last)) : list).map((s) => spellStartOf(s, which)).filter((d): d is IsoDate => d !== null);
    return starts.sort()[0] ?? '9999-12-31';
  };
  let best = candidates[0];
  for (const c of candidates.slice(1)) if (startOf(c[1]) < startOf(best[1])) best = c;
  return best[1];
}

/** The cells of the chosen case: on the stock day for a stock figure, else on the first day of P it counted. */
function cellsOf(list: BreakdownStretch[], condition: ChildCondition, period: { first: IsoDate; last: IsoDate }, stock: boolean, by: Dimension, config: RegionConfig, verborgen: boolean): string[] {
  const ordered = [...list].sort((a, b) => (a.start < b.start ? -1 : 1));
  const caseMasks = masksOf(ordered, period.first, period.last);
  const countsOn = (s: BreakdownStretch) => holds(condition, { ...caseMasks, period: s.mask });
  const atStock = ordered.find((s) => covers(s, period.last));
  const firstCounted = ordered.find(countsOn) ?? ordered[0];
  const lastCounted = [...ordered].reverse().find(countsOn) ?? ordered[ordered.length - 1];
  const here = stock ? (atStock ?? ordered[ordered.length - 1]) : firstCounted;
  const day = stock ? period.last : here.start > period.first ? here.start : period.first;
  switch (by) {
    case 'sector':
      return [here.sector ?? 'geen'];
    case 'leeftijd':
      if (here.birthYear === null) throw new Error(`case ${here.caseId} has no birth year in the read model`);
      return [ageBandOf(here.birthYear, day)];
    case 'reden':
      return [(stock ? here : lastCounted).reason ?? 'onbekend'];
    case 'wachtlijst': {
      const lists = WAITLIST_FLAGS.filter(([, flag]) => has(here.mask, flag)).map(([w]) => w);
      return lists.length > 0 ? lists : ['geen'];
    }
    case 'duur': {
      const s = spellStartOf(here, verborgen ? 'leerrecht' : 'profile') ?? here.leerrechtStart ?? day;
      return [durationBand(s, day, config)];
    }
  }
}

/** The stretches of the scope overlapping the periods (one scan for all of them), with their cases' sector and birth year. */
async function breakdownStretches(db: Db, q: FigureQuery, spans: { start: IsoDate; through: IsoDate }[]): Promise<BreakdownStretch[]> {
  const ctx = { spans: spans.map((s) => ({ ...s, ended: true })), scope: q.scope, asOf: q.asOf };
  const { first, last } = bounds(ctx);
  const column = sql.ref(`s.s_${q.profile as NormCondition}`);
  const { rows } = await sql<{ case_id: string; child_ref: string; start_on: string; end_on: string | null; mask: string; spell: string | null; leerrecht: string | null; reason: string | null; sector: string | null; birth_year: number | null }>`
    select s.case_id::text as case_id, s.child_ref, s.start_on::text as start_on, s.end_on::text as end_on, s.mask::text as mask,
      ${column}::text as spell, s.s_leerrecht::text as leerrecht, s.reason, c.sector, c.birth_year
    from readmodel.stretches s left join readmodel.cases c on c.case_id = s.case_id
    where ${believed(ctx, 's')} and ${caseScope(ctx, 's')} and s.start_on <= ${last}::date and ${ENDS('s')} >= ${first}::date`.execute(db);
  return rows.map((r) => ({
    caseId: r.case_id,
    childRef: r.child_ref,
    start: r.start_on,
    end: r.end_on,
    mask: BigInt(r.mask),
    spellStart: r.spell,
    leerrechtStart: r.leerrecht,
    reason: r.reason,
    sector: r.sector,
    birthYear: r.birth_year === null ? null : Number(r.birth_year),
  }));
}

/** The breakdowns of each period of the query, in order: for every dimension asked, its cells (one scan for all). */
export async function computeBreakdowns(db: Db, q: FigureQuery, dimensions: readonly Dimension[]): Promise<Breakdowns[]> {
  const spans = spansOf(q);
  if (spans.length === 0 || dimensions.length === 0) return spans.map(() => ({}));
  const stretches = await breakdownStretches(db, q, spans);
  return spans.map((s) => Object.fromEntries(dimensions.map((by) => [by, breakdownCells(stretches, { first: s.start, last: s.through }, q.profile, by, q.config)])));
}
