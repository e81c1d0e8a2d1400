// Runs the catalogue's computations for one or more periods, one profile, scope and system time. Each family
// of computations is one query for all the periods together (the periods are a relation `p(i, ps, pe)` joined to
// the read models), so a report of twelve months reads the spells once, not twelve times.
import { sql, type RawBuilder } from 'kysely';
import { meetingForum, monthBounds, monthOf, monthsBetween, type Db, type IsoDate } from '@pact/events';
import type { Profile } from '../spells.ts';
import { CLOSE_OUTCOMES, FLAG_KINDS, FLAGS, METRICS, type Computation } from './catalogue.ts';

export interface Scope {
  gemeente?: string;
  swv?: string;
}

export interface FigureQuery {
  /** First and last day of each period. Days after `today` are not part of one; each must have begun by then. */
  periods: readonly { start: IsoDate; end: IsoDate }[];
  profile: Profile;
  scope: Scope;
  /** System time: only what was recorded by then exists. Undefined: what is believed now. */
  asOf?: Date;
  /** Today's date (of `asOf` when given). */
  today: IsoDate;
}

export interface Figures {
  /** The stock day: the period's last day, or today when the period has not ended. */
  stockOn: IsoDate;
  /** The last day counted in the period (its end, or today). */
  through: IsoDate;
  metrics: Record<string, number | null>;
  /** Numerator and denominator of each share, for small-number suppression. */
  parts: Record<string, { numerator: number; denominator: number }>;
}

/** Computes every metric of the catalogue for each period, in the order given. */
export async function computeFigures(db: Db, q: FigureQuery): Promise<Figures[]> {
  const spans = q.periods.map(({ start, end }) => {
    if (start > q.today) throw new RangeError(`De periode begint na vandaag (${q.today})`);
    return { start, through: end < q.today ? end : q.today };
  });
  if (spans.length === 0) return [];
  const ctx: Ctx = { ...q, spans };
  const [children, occurrences, meetings, herhaald, besproken] = await Promise.all([
    childCounts(db, ctx),
    occurrenceCounts(db, ctx),
    meetingCounts(db, ctx),
    repeatedChildren(db, ctx),
    discussedShare(db, ctx),
  ]);
  return spans.map(({ start, through }, i) => {
    const metrics: Record<string, number | null> = {};
    const parts: Figures['parts'] = {};
    const valueOf = (id: string, c: Computation, key: string): number | null => {
      if ('children' in c) return children[i][key] ?? 0;
      if ('occurrences' in c) return occurrences[i][key] ?? 0;
      if ('meetings' in c) return meetings[i][key] ?? 0;
      if ('query' in c) return c.query === 'herhaald' ? herhaald[i] : c.query === 'besproken' ? besproken[i] : monthsUpTo(start, through).length;
      const numerator = valueOf(id, c.share.numerator, `${key}_n`)!;
      const denominator = valueOf(id, c.share.denominator, `${key}_d`)!;
      parts[id] = { numerator, denominator };
      return denominator === 0 ? null : round4(numerator / denominator);
    };
    for (const m of METRICS) metrics[m.id] = valueOf(m.id, m.compute, m.id);
    return { stockOn: through, through, metrics, parts };
  });
}

export const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The calendar months of [start, through]. */
export function monthsUpTo(start: IsoDate, through: IsoDate): string[] {
  return through < start ? [] : monthsBetween(monthOf(start), monthOf(through));
}

interface Ctx extends Omit<FigureQuery, 'periods'> {
  /** Each period from its first day through its last counted day; its index is `p.i` in SQL. */
  spans: { start: IsoDate; through: IsoDate }[];
}

/**
 * The periods as a relation `p(i, ps, pe)`: index, first day, last day counted (also the stock day). Queries also
 * bound their rows by `bounds` first, so that only rows near the periods meet this relation.
 */
function periods(ctx: Ctx) {
  return sql`unnest(${ctx.spans.map((_, i) => i)}::integer[], ${ctx.spans.map((s) => s.start)}::date[], ${ctx.spans.map((s) => s.through)}::date[]) p(i, ps, pe)`;
}

/** The first and the last day of all the periods together. */
function bounds(ctx: Ctx): { first: IsoDate; last: IsoDate } {
  return { first: ctx.spans.map((s) => s.start).sort()[0], last: ctx.spans.map((s) => s.through).sort().at(-1)! };
}

/** Binds `:T`, `:ps`, `:pe` of the catalogue's SQL text to the period's columns, `:profile` to a parameter. */
function bind(text: string, ctx: Ctx): RawBuilder<unknown> {
  const columns: Record<string, string> = { T: 'p.pe', ps: 'p.ps', pe: 'p.pe' };
  const pieces = text.split(/(:T\b|:ps\b|:pe\b|:profile\b)/);
  return sql.join(
    pieces.map((piece) => {
      const name = piece.startsWith(':') ? piece.slice(1) : undefined;
      if (name === 'profile') return sql`${ctx.profile}::text`;
      if (name && name in columns) return sql.raw(columns[name]);
      return sql.raw(piece);
    }),
    sql``,
  );
}

/** Rows believed at the query's system time. */
function believed(ctx: Ctx, alias: string) {
  const t = sql.ref(alias);
  return ctx.asOf
    ? sql`${t}.recorded_from <= ${ctx.asOf} and (${t}.recorded_to is null or ${t}.recorded_to > ${ctx.asOf})`
    : sql`${t}.recorded_to is null`;
}

/** Cases of the scope's gemeente and/or swv. */
function caseScope(ctx: Ctx, alias: string) {
  const t = sql.ref(alias);
  return sql.join(
    [sql`true`, ...(ctx.scope.gemeente ? [sql`${t}.gemeente = ${ctx.scope.gemeente}`] : []), ...(ctx.scope.swv ? [sql`${t}.swv = ${ctx.scope.swv}`] : [])],
    sql` and `,
  );
}

/**
 * Meetings in scope: each scope code that is given must match the meeting's code where the meeting has one,
 * and at least one given code must match (a meeting of swv PO2601 counts for scope {swv PO2601} and for
 * {gemeente X, swv PO2601}, not for {gemeente X} alone).
 */
function meetingScope(ctx: Ctx, alias: string) {
  const { gemeente, swv } = ctx.scope;
  if (!gemeente && !swv) return sql`true`;
  const t = sql.ref(alias);
  const conditions = [];
  const matches = [];
  if (gemeente) {
    conditions.push(sql`(${t}.gemeente is null or ${t}.gemeente = ${gemeente})`);
    matches.push(sql`${t}.gemeente = ${gemeente}`);
  }
  if (swv) {
    conditions.push(sql`(${t}.swv is null or ${t}.swv = ${swv})`);
    matches.push(sql`${t}.swv = ${swv}`);
  }
  return sql`${sql.join(conditions, sql` and `)} and (${sql.join(matches, sql` or `)})`;
}

/** Every computation of a family, keyed like `valueOf` above (shares as `<id>_n` / `<id>_d`). */
function computationsOf(family: 'children' | 'occurrences' | 'meetings'): [string, Computation][] {
  return METRICS.flatMap((m): [string, Computation][] =>
    'share' in m.compute
      ? [
          [`${m.id}_n`, m.compute.share.numerator],
          [`${m.id}_d`, m.compute.share.denominator],
        ]
      : [[m.id, m.compute]],
  ).filter(([, c]) => family in c);
}

/** One row per period index; a period without rows has none (its counts are 0). */
function perPeriod<T extends { i: number }>(ctx: Ctx, rows: T[]): Partial<T>[] {
  const byIndex: Partial<T>[] = ctx.spans.map(() => ({}));
  for (const row of rows) byIndex[row.i] = row;
  return byIndex;
}

/** Counts by key; a key without a row (a period with nothing in it) is absent and means 0. */
type Counts = Partial<Record<string, number>>;

/**
 * The flags as one bit mask per spell row: each row is of one kind, so only that kind's conditions are evaluated,
 * and a child's flags are one `bit_or` over its rows. Flag n is bit n.
 */
const FLAG_NAMES = Object.keys(FLAGS);
function flagMask(ctx: Ctx): RawBuilder<unknown> {
  const branches = FLAG_KINDS.map((kind) => {
    const bits = FLAG_NAMES.flatMap((name, n) => (FLAGS[name].kind === kind ? [sql`(case when ${bind(FLAGS[name].when, ctx)} then ${sql.raw(String(2 ** n))} else 0 end)`] : []));
    return sql`when ${kind} then ${sql.join(bits, sql` | `)}`;
  });
  return sql`bit_or(case s.kind ${sql.join(branches, sql` `)} else 0 end)`;
}

async function childCounts(db: Db, ctx: Ctx): Promise<Counts[]> {
  const columns = computationsOf('children').map(([key, c]) => sql`count(*) filter (where ${sql.raw((c as { children: (p: Profile) => string }).children(ctx.profile))}) as ${sql.ref(key)}`);
  const flags = FLAG_NAMES.map((name, n) => sql`(c.mask & ${sql.raw(String(2 ** n))}) <> 0 as ${sql.ref(name)}`);
  const { first, last } = bounds(ctx);
  const { rows } = await sql<Counts & { i: number }>`
    select f.i, ${sql.join(columns)}
    from (
      select c.i, ${sql.join(flags)}
      from (
        select p.i, s.child_ref, ${flagMask(ctx)}::bigint as mask
        from readmodel.spells s join ${periods(ctx)} on s.start_on <= p.pe and coalesce(s.end_on, 'infinity'::date) >= p.ps
        where ${believed(ctx, 's')} and ${caseScope(ctx, 's')} and s.kind in (${sql.join(FLAG_KINDS)})
          and s.start_on <= ${last}::date and coalesce(s.end_on, 'infinity'::date) >= ${first}::date
        group by p.i, s.child_ref
      ) c
    ) f
    group by f.i`.execute(db);
  return perPeriod(ctx, rows);
}

async function occurrenceCounts(db: Db, ctx: Ctx): Promise<Counts[]> {
  const columns = computationsOf('occurrences').map(([key, c]) => {
    const { occurrences, where } = c as { occurrences: 'rows' | 'children'; where: string };
    const counted = occurrences === 'rows' ? sql`count(*)` : sql`count(distinct o.child_ref)`;
    return sql`${counted} filter (where ${bind(where, ctx)}) as ${sql.ref(key)}`;
  });
  const { first, last } = bounds(ctx);
  const { rows } = await sql<Counts & { i: number }>`
    select p.i, ${sql.join(columns)}
    from readmodel.occurrences o join ${periods(ctx)} on o.on_date between p.ps and p.pe
    where ${believed(ctx, 'o')} and ${caseScope(ctx, 'o')} and o.child_ref is not null and o.on_date between ${first}::date and ${last}::date
    group by p.i`.execute(db);
  return perPeriod(ctx, rows);
}

const MEETING_KINDS = meetingForum.options.map((forum) => `meeting_${forum}`);

async function meetingCounts(db: Db, ctx: Ctx): Promise<Counts[]> {
  const columns = computationsOf('meetings').map(([key, c]) => sql`${sql.raw((c as { meetings: string }).meetings)} as ${sql.ref(key)}`);
  const { first, last } = bounds(ctx);
  const { rows } = await sql<Counts & { i: number }>`
    select p.i, ${sql.join(columns)}
    from readmodel.occurrences m join ${periods(ctx)} on m.on_date between p.ps and p.pe
    where ${believed(ctx, 'm')} and ${meetingScope(ctx, 'm')} and m.child_ref is null and m.kind in (${sql.join(MEETING_KINDS)})
      and m.on_date between ${first}::date and ${last}::date
    group by p.i`.execute(db);
  return perPeriod(ctx, rows);
}

/** herhaald: children with a case opened in P whose earlier case (same childRef, in scope) closed in the 365 days before. */
async function repeatedChildren(db: Db, ctx: Ctx): Promise<number[]> {
  const closedKinds = CLOSE_OUTCOMES.map((o) => `closed_${o}`);
  const { first, last } = bounds(ctx);
  const { rows } = await sql<{ i: number; n: number }>`
    with opened as materialized (
      select p.i, o.subject_id, o.child_ref, o.on_date
      from readmodel.occurrences o join ${periods(ctx)} on o.on_date between p.ps and p.pe
      where o.kind = 'opened' and ${believed(ctx, 'o')} and ${caseScope(ctx, 'o')} and o.on_date between ${first}::date and ${last}::date
    ),
    closed as materialized (
      select c.subject_id, c.child_ref, c.on_date from readmodel.occurrences c
      where c.kind in (${sql.join(closedKinds)}) and ${believed(ctx, 'c')} and ${caseScope(ctx, 'c')}
        and c.on_date between ${first}::date - 365 and ${last}::date
    )
    select o.i, count(distinct o.child_ref) as n
    from opened o join closed c
      on c.child_ref = o.child_ref and c.subject_id <> o.subject_id and c.on_date between o.on_date - 365 and o.on_date
    group by o.i`.execute(db);
  return perPeriod(ctx, rows).map((r) => r.n ?? 0);
}

/**
 * besproken_aandeel: per month, among children counted by officieel on its last day (or today) whose norm
 * spell has lasted 4 weeks, the share discussed in that month's Leerplicht/SWV overleg; for a period, the mean
 * over its months that have a value.
 */
async function discussedShare(db: Db, ctx: Ctx): Promise<(number | null)[]> {
  const months = ctx.spans.flatMap((span, i) =>
    monthsUpTo(span.start, span.through).map((m) => {
      const { start, end } = monthBounds(m);
      return { i, start: start < span.start ? span.start : start, end: end > span.through ? span.through : end };
    }),
  );
  if (months.length === 0) return ctx.spans.map(() => null);
  const { first, last } = bounds(ctx);
  // Per month and child: bit 1 when due (counted on the month's last day, norm spell ≥ 4 weeks), bit 2 when discussed.
  const { rows } = await sql<{ i: number; counted: number; discussed: number }>`
    with months as (
      select * from unnest(${months.map((m) => m.i)}::integer[], ${months.map((m) => m.start)}::date[], ${months.map((m) => m.end)}::date[]) m(i, month_start, month_end)
    ),
    marks as (
      select m.i, m.month_start, s.child_ref, 1 as bit
      from readmodel.spells s join months m on s.start_on <= m.month_end and coalesce(s.end_on, 'infinity'::date) >= m.month_end
      where s.kind = 'officieel_4w' and ${believed(ctx, 's')} and ${caseScope(ctx, 's')}
        and s.start_on <= ${last}::date and coalesce(s.end_on, 'infinity'::date) >= ${first}::date
      union all
      select m.i, m.month_start, o.child_ref, 2 as bit
      from readmodel.occurrences o join months m
        on date_trunc('month', o.on_date) = date_trunc('month', m.month_start) and o.on_date between m.month_start and m.month_end
      where o.kind = 'discussed_leerplicht_swv' and o.on_date between ${first}::date and ${last}::date
        and ${believed(ctx, 'o')} and ${caseScope(ctx, 'o')}
    ),
    children as (
      select i, month_start, bit_or(bit) as bits from marks group by i, month_start, child_ref
    )
    select i, count(*) filter (where bits & 1 = 1) as counted, count(*) filter (where bits = 3) as discussed
    from children
    group by i, month_start`.execute(db);
  return ctx.spans.map((_, i) => {
    const shares = rows.filter((r) => r.i === i && r.counted > 0).map((r) => r.discussed / r.counted);
    return shares.length === 0 ? null : round4(shares.reduce((a, b) => a + b, 0) / shares.length);
  });
}
