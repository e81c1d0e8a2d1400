// Runs the catalogue's computations for one or more periods, one profile, scope and system time. The SQL only ORs
// the stored flags per child and counts; what a figure means is the catalogue's, every time rule the case facts'.
// Each family is one query for all the periods together (the periods are a relation `p(i, ps, pe)`), so a report of
// twelve months reads the stretches once, not twelve times.
import { sql } from 'kysely';
import { monthBounds, type Db, type IsoDate } from '@pact/events';
import type { Profile, RegionConfig } from '../config.ts';
import { bits, type Flag } from '../facts/flags.ts';
import { CLOSE_OUTCOMES, METRICS, type ChildCondition, type Computation } from './catalogue.ts';
import { meetingFigures, meetingInScope, meetingsFrom, monthsOf, type Forum, type Meeting, type MeetingFigures } from './meetings.ts';
import { verdictsOf, type Verdict } from './verdicts.ts';

export interface Scope {
  gemeente?: string;
  swv?: string;
}

export interface FigureQuery {
  /** First and last day of each period. Days after `today` are not part of one; each must have begun by then. */
  periods: readonly { start: IsoDate; end: IsoDate }[];
  /** What the periods are: the OOGO verdict belongs to school years only. */
  kind: 'school_year' | 'month';
  profile: Profile;
  scope: Scope;
  /** System time: only what was recorded by then exists. Undefined: what is believed now. */
  asOf?: Date;
  /** Today's date (of `asOf` when given). */
  today: IsoDate;
  config: RegionConfig;
}

export interface Figures {
  /** The stock day: the period's last day, or today when the period has not ended. */
  stockOn: IsoDate;
  metrics: Record<string, number | null>;
  /** Numerator and denominator of each share, for small-number suppression. */
  parts: Record<string, { numerator: number; denominator: number }>;
  verdicts: Record<string, Verdict>;
}

/** herhaald: the earlier case closed on a day in the 365 days before the opening (metrics.md). */
const REPEAT_WINDOW_DAYS = 365;

/** Computes every metric of the catalogue for each period, in the order given. */
export async function computeFigures(db: Db, q: FigureQuery): Promise<Figures[]> {
  const spans = spansOf(q);
  if (spans.length === 0) return [];
  const ctx: Ctx = { ...q, spans };
  const [children, occurrences, meetings, herhaald, besproken] = await Promise.all([
    childCounts(db, ctx),
    occurrenceCounts(db, ctx),
    meetingsOfScope(db, ctx),
    repeatedChildren(db, ctx),
    discussedParts(db, ctx),
  ]);
  return spans.map((span, i) => {
    const metrics: Record<string, number | null> = {};
    const parts: Figures['parts'] = {};
    const meeting: MeetingFigures = meetingFigures(meetings, span, q.today, q.config);
    const valueOf = (id: string, c: Computation, key: string): number => {
      if ('children' in c) return children[i].count(c.children(q.profile));
      if ('occurrences' in c) return occurrences[i][key] ?? 0;
      if ('meetings' in c) return meeting.values[c.meetings];
      if ('query' in c && c.query === 'herhaald') return herhaald[i];
      const [numerator, denominator] =
        'query' in c ? [besproken[i].discussed, besproken[i].due] : [valueOf(id, c.share.numerator, `${key}_n`), valueOf(id, c.share.denominator, `${key}_d`)];
      parts[id] = { numerator, denominator };
      return denominator === 0 ? NaN : numerator / denominator;
    };
    for (const m of METRICS) {
      const value = valueOf(m.id, m.compute, m.id);
      metrics[m.id] = Number.isNaN(value) ? null : m.unit === 'aandeel' ? round4(value) : value;
    }
    const verdicts = verdictsOf(metrics, { period: q.kind, ended: span.ended, missedMonths: meeting.missedMonths, missedBlocks: meeting.missedBlocks });
    return { stockOn: span.through, metrics, parts, verdicts };
  });
}

/** Each period through its last counted day (today when it has not ended). */
export function spansOf(q: Pick<FigureQuery, 'periods' | 'today'>): Ctx['spans'] {
  return q.periods.map(({ start, end }) => {
    if (start > q.today) throw new RangeError(`De periode begint na vandaag (${q.today})`);
    return { start, through: end < q.today ? end : q.today, ended: end < q.today };
  });
}

export const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export interface Ctx extends Omit<FigureQuery, 'periods'> {
  /** Each period from its first day through its last counted day; its index is `p.i` in SQL. */
  spans: { start: IsoDate; through: IsoDate; ended: boolean }[];
}

/** The periods as a relation `p(i, ps, pe)`: index, first day, last day counted (also the stock day). */
export function periods(ctx: Pick<Ctx, 'spans'>) {
  return sql`unnest(${ctx.spans.map((_, i) => i)}::integer[], ${ctx.spans.map((s) => s.start)}::date[], ${ctx.spans.map((s) => s.through)}::date[]) p(i, ps, pe)`;
}

/** The first and the last day of all the periods together: queries bound their rows by them first. */
export function bounds(ctx: Pick<Ctx, 'spans'>): { first: IsoDate; last: IsoDate } {
  return { first: ctx.spans.map((s) => s.start).sort()[0], last: ctx.spans.map((s) => s.through).sort().at(-1)! };
}

/** Rows believed at the query's system time. */
export function believed(ctx: Pick<Ctx, 'asOf'>, alias: string) {
  const t = sql.ref(alias);
  return ctx.asOf ? sql`${t}.recorded_from <= ${ctx.asOf} and (${t}.recorded_to is null or ${t}.recorded_to > ${ctx.asOf})` : sql`${t}.recorded_to is null`;
}

/** Cases of the scope's gemeente and/or swv. */
export function caseScope(ctx: Pick<Ctx, 'scope'>, alias: string) {
  const t = sql.ref(alias);
  return sql.join([sql`true`, ...(ctx.scope.gemeente ? [sql`${t}.gemeente = ${ctx.scope.gemeente}`] : []), ...(ctx.scope.swv ? [sql`${t}.swv = ${ctx.scope.swv}`] : [])], sql` and `);
}

export const ENDS = (alias: string) => sql.raw(`coalesce(${alias}.end_on, 'infinity'::date)`);

/** Every computation of the catalogue of one family, keyed as `valueOf` keys it (shares as `<id>_n` / `<id>_d`). */
function computations(): [string, Computation][] {
  return METRICS.flatMap((m): [string, Computation][] =>
    'share' in m.compute
      ? [
          [`${m.id}_n`, m.compute.share.numerator],
          [`${m.id}_d`, m.compute.share.denominator],
        ]
      : [[m.id, m.compute]],
  );
}

// --- children: the flags of each child OR-ed over its rows ---------------------------------------------------------

/** A child's (or a case's) flags OR-ed over a period, on its stock day and on its first day. */
export type Masks = { period: bigint; stock: bigint; first: bigint };

export function holds(condition: ChildCondition, masks: Masks): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, masks));
  if ('not' in condition) return !holds(condition.not, masks);
  const [which, flag] = Object.entries(condition)[0] as [keyof Masks, Flag];
  return (masks[which] & bits([flag])) !== 0n;
}

/** The flags a condition reads, per mask. */
function flagsOf(condition: ChildCondition, into: Record<keyof Masks, Set<Flag>>): void {
  if ('all' in condition) condition.all.forEach((c) => flagsOf(c, into));
  else if ('not' in condition) flagsOf(condition.not, into);
  else {
    const [which, flag] = Object.entries(condition)[0] as [keyof Masks, Flag];
    into[which].add(flag);
  }
}

/** How many children of a period have each combination of the flags the catalogue reads. */
class ChildHistogram {
  constructor(private readonly combinations: { masks: Masks; children: number }[]) {}

  count(condition: ChildCondition): number {
    let n = 0;
    for (const c of this.combinations) if (holds(condition, c.masks)) n += c.children;
    return n;
  }
}

async function childCounts(db: Db, ctx: Ctx): Promise<ChildHistogram[]> {
  const read: Record<keyof Masks, Set<Flag>> = { period: new Set(), stock: new Set(), first: new Set() };
  for (const [, c] of computations()) if ('children' in c) flagsOf(c.children(ctx.profile), read);
  const [pm, sm, fm] = (['period', 'stock', 'first'] as const).map((k) => bits([...read[k]]).toString());
  const { first, last } = bounds(ctx);
  const { rows } = await sql<{ i: number; pm: string; sm: string; fm: string; n: number }>`
    select c.i, c.pm::text as pm, c.sm::text as sm, c.fm::text as fm, count(*) as n
    from (
      select p.i, s.child_ref,
        bit_or(s.mask) & ${pm}::bigint as pm,
        coalesce(bit_or(s.mask) filter (where s.start_on <= p.pe and ${ENDS('s')} >= p.pe), 0) & ${sm}::bigint as sm,
        coalesce(bit_or(s.mask) filter (where s.start_on <= p.ps and ${ENDS('s')} >= p.ps), 0) & ${fm}::bigint as fm
      from readmodel.stretches s join ${periods(ctx)} on s.start_on <= p.pe and ${ENDS('s')} >= p.ps
      where ${believed(ctx, 's')} and ${caseScope(ctx, 's')} and s.start_on <= ${last}::date and ${ENDS('s')} >= ${first}::date
      group by p.i, s.child_ref
    ) c
    where c.pm <> 0 or c.sm <> 0 or c.fm <> 0
    group by c.i, c.pm, c.sm, c.fm`.execute(db);
  const perPeriod = ctx.spans.map(() => [] as { masks: Masks; children: number }[]);
  for (const r of rows) perPeriod[r.i].push({ masks: { period: BigInt(r.pm), stock: BigInt(r.sm), first: BigInt(r.fm) }, children: Number(r.n) });
  return perPeriod.map((combinations) => new ChildHistogram(combinations));
}

// --- occurrences: happenings of cases counted per period -----------------------------------------------------------

type Counts = Partial<Record<string, number>>;

async function occurrenceCounts(db: Db, ctx: Ctx): Promise<Counts[]> {
  const columns = computations().flatMap(([key, c]) => {
    if (!('occurrences' in c)) return [];
    const counted = c.occurrences === 'rows' ? sql`count(*)` : sql`count(distinct o.child_ref)`;
    return [sql`${counted} filter (where o.kind in (${sql.join(c.kinds(ctx.profile))})) as ${sql.ref(key)}`];
  });
  const { first, last } = bounds(ctx);
  const { rows } = await sql<Counts & { i: number }>`
    select p.i, ${sql.join(columns)}
    from readmodel.occurrences o join ${periods(ctx)} on o.on_date between p.ps and p.pe
    where ${believed(ctx, 'o')} and ${caseScope(ctx, 'o')} and o.child_ref is not null and o.on_date between ${first}::date and ${last}::date
    group by p.i`.execute(db);
  const byIndex: Counts[] = ctx.spans.map(() => ({}));
  for (const row of rows) byIndex[row.i] = row;
  return byIndex;
}

/** herhaald: children with a case opened in P whose earlier case (same childRef, in scope) closed in the 365 days before. */
async function repeatedChildren(db: Db, ctx: Ctx): Promise<number[]> {
  const { first, last } = bounds(ctx);
  const { rows } = await sql<{ i: number; n: number }>`
    with opened as materialized (
      select p.i, o.subject_id, o.child_ref, o.on_date
      from readmodel.occurrences o join ${periods(ctx)} on o.on_date between p.ps and p.pe
      where o.kind = 'opened' and ${believed(ctx, 'o')} and ${caseScope(ctx, 'o')} and o.on_date between ${first}::date and ${last}::date
    ),
    closed as materialized (
      select c.subject_id, c.child_ref, c.on_date from readmodel.occurrences c
      where c.kind in (${sql.join(CLOSE_OUTCOMES.map((o) => `closed_${o}`))}) and ${believed(ctx, 'c')} and ${caseScope(ctx, 'c')}
        and c.on_date between ${first}::date - ${REPEAT_WINDOW_DAYS}::integer and ${last}::date
    )
    select o.i, count(distinct o.child_ref) as n
    from opened o join closed c
      on c.child_ref = o.child_ref and c.subject_id <> o.subject_id and c.on_date between o.on_date - ${REPEAT_WINDOW_DAYS}::integer and o.on_date
    group by o.i`.execute(db);
  const out = ctx.spans.map(() => 0);
  for (const r of rows) out[r.i] = Number(r.n);
  return out;
}

/**
 * besproken_aandeel's parts, pooled over the months of each period: per month, the children due (the profile's
 * `due` flag on the month's last day, or today) and those of them with a Leerplicht/SWV discussion in the month.
 */
async function discussedParts(db: Db, ctx: Ctx): Promise<{ due: number; discussed: number }[]> {
  const months = ctx.spans.flatMap((span, i) =>
    monthsOf(span.start, span.through).map((m) => {
      const { start, end } = monthBounds(m);
      return { i, start: start < span.start ? span.start : start, end: end > span.through ? span.through : end };
    }),
  );
  const out = ctx.spans.map(() => ({ due: 0, discussed: 0 }));
  if (months.length === 0) return out;
  const due = bits([`due_${ctx.profile}` as Flag]).toString();
  const { first, last } = bounds(ctx);
  const { rows } = await sql<{ i: number; due: number; discussed: number }>`
    with months as (
      select * from unnest(${months.map((m) => m.i)}::integer[], ${months.map((m) => m.start)}::date[], ${months.map((m) => m.end)}::date[]) m(i, ms, me)
    ),
    due as (
      select distinct m.i, m.ms, s.child_ref
      from readmodel.stretches s join months m on s.start_on <= m.me and ${ENDS('s')} >= m.me
      where (s.mask & ${due}::bigint) <> 0 and ${believed(ctx, 's')} and ${caseScope(ctx, 's')}
        and s.start_on <= ${last}::date and ${ENDS('s')} >= ${first}::date
    ),
    discussed as (
      select distinct m.i, m.ms, o.child_ref
      from readmodel.occurrences o join months m on o.on_date between m.ms and m.me
      where o.kind = 'discussed_leerplicht_swv' and ${believed(ctx, 'o')} and ${caseScope(ctx, 'o')} and o.on_date between ${first}::date and ${last}::date
    )
    select d.i, count(*) as due, count(t.child_ref) as discussed
    from due d left join discussed t on t.i = d.i and t.ms = d.ms and t.child_ref = d.child_ref
    group by d.i`.execute(db);
  for (const r of rows) out[r.i] = { due: Number(r.due), discussed: Number(r.discussed) };
  return out;
}

// --- meetings --------------------------------------------------------------------------------------------------------

async function meetingsOfScope(db: Db, ctx: Ctx): Promise<Meeting[]> {
  const { first, last } = bounds(ctx);
  return scopedMeetings(db, { scope: ctx.scope, from: meetingsFrom(first), to: last, asOf: ctx.asOf, config: ctx.config });
}

/**
 * The meetings (not retracted, as believed at `asOf`) dated in [from, to] that belong to the scope (metrics.md
 * "Scope": through the samenwerkingsverbanden' members).
 */
export async function scopedMeetings(db: Db, q: { scope: Scope; from: IsoDate; to: IsoDate; asOf?: Date; config: RegionConfig }): Promise<Meeting[]> {
  const ctx = { asOf: q.asOf } as Ctx;
  const { rows } = await sql<{ id: string; kind: string; gemeente: string | null; swv: string | null; on_date: string }>`
    select m.subject_id::text as id, m.kind, m.gemeente, m.swv, m.on_date from readmodel.occurrences m
    where m.child_ref is null and m.kind like 'meeting\\_%' and ${believed(ctx, 'm')} and m.on_date between ${q.from}::date and ${q.to}::date
      ${q.scope.gemeente ? sql`and (m.gemeente = ${q.scope.gemeente} or m.gemeente is null)` : sql``}
      ${q.scope.swv && !q.scope.gemeente ? sql`and (m.swv = ${q.scope.swv} or m.swv is null)` : sql``}
    order by m.on_date, m.subject_id`.execute(db);
  // (a first cut in SQL: a meeting of the scope names its gemeente or none, its swv or none; meetingInScope decides)
  const meetings = rows.map((r): Meeting => ({ id: r.id, forum: r.kind.slice('meeting_'.length) as Forum, gemeente: r.gemeente, swv: r.swv, on: r.on_date }));
  const members = await swvMembers(db, q.scope, q.asOf, q.config);
  return meetings.filter((m) => meetingInScope(m, q.scope, members));
}

/** members(S): the region's `swvGemeenten` for S, else every gemeente a case (as known at `asOf`) names with S. */
async function swvMembers(db: Db, scope: Scope, asOf: Date | undefined, config: RegionConfig): Promise<(swv: string) => ReadonlySet<string>> {
  const { gemeente, swv } = scope;
  if ((gemeente && swv) || (!gemeente && !swv)) return () => new Set();
  const { rows } = await sql<{ gemeente: string; swv: string }>`
    select distinct o.gemeente, o.swv from readmodel.occurrences o
    where o.kind = 'opened' and ${believed({ asOf } as Ctx, 'o')} and ${gemeente ? sql`o.gemeente = ${gemeente}` : sql`o.swv = ${swv}`}`.execute(db);
  const fromCases = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!fromCases.has(r.swv)) fromCases.set(r.swv, new Set());
    fromCases.get(r.swv)!.add(r.gemeente);
  }
  const configured = config.swvGemeenten;
  return (s) => (configured[s] ? new Set(configured[s]) : (fromCases.get(s) ?? new Set()));
}
