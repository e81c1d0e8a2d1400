// Runs the catalogue's computations for one period, profile, scope and system time.
import { sql, type RawBuilder } from 'kysely';
import { meetingForum, monthBounds, monthOf, monthsBetween, type Db, type IsoDate } from '@pact/events';
import type { Profile } from '../spells.ts';
import { CLOSE_OUTCOMES, FLAG_KINDS, FLAGS, METRICS, type Computation } from './catalogue.ts';

export interface Scope {
  gemeente?: string;
  swv?: string;
}

export interface FigureQuery {
  /** First and last day of the period. Days after `today` are not part of it. */
  start: IsoDate;
  end: IsoDate;
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

/** Computes every metric of the catalogue for the period. The period must have started by `today`. */
export async function computeFigures(db: Db, q: FigureQuery): Promise<Figures> {
  if (q.start > q.today) throw new RangeError(`De periode begint na vandaag (${q.today})`);
  const through = q.end < q.today ? q.end : q.today;
  const ctx = { ...q, through };
  const [children, occurrences, meetings, herhaald, besproken] = await Promise.all([
    childCounts(db, ctx),
    occurrenceCounts(db, ctx),
    meetingCounts(db, ctx),
    repeatedChildren(db, ctx),
    discussedShare(db, ctx),
  ]);
  const metrics: Record<string, number | null> = {};
  const parts: Figures['parts'] = {};
  const valueOf = (id: string, c: Computation, key: string): number | null => {
    if ('children' in c) return children[key];
    if ('occurrences' in c) return occurrences[key];
    if ('meetings' in c) return meetings[key];
    if ('query' in c) return c.query === 'herhaald' ? herhaald : c.query === 'besproken' ? besproken : monthsUpTo(q.start, through).length;
    const numerator = valueOf(id, c.share.numerator, `${key}_n`)!;
    const denominator = valueOf(id, c.share.denominator, `${key}_d`)!;
    parts[id] = { numerator, denominator };
    return denominator === 0 ? null : round4(numerator / denominator);
  };
  for (const m of METRICS) metrics[m.id] = valueOf(m.id, m.compute, m.id);
  return { stockOn: through, through, metrics, parts };
}

export const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** The calendar months of [start, through]. */
export function monthsUpTo(start: IsoDate, through: IsoDate): string[] {
  return through < start ? [] : monthsBetween(monthOf(start), monthOf(through));
}

type Ctx = FigureQuery & { through: IsoDate };

/** Binds `:T`, `:ps`, `:pe` and `:profile` of the catalogue's SQL text to parameters. */
function bind(text: string, ctx: Ctx): RawBuilder<unknown> {
  const values: Record<string, unknown> = { T: ctx.through, ps: ctx.start, pe: ctx.through, profile: ctx.profile };
  const pieces = text.split(/(:T\b|:ps\b|:pe\b|:profile\b)/);
  return sql.join(
    pieces.map((piece) => {
      const name = piece.startsWith(':') ? piece.slice(1) : undefined;
      if (name && name in values) return name === 'profile' ? sql`${values[name]}::text` : sql`${values[name]}::date`;
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

async function childCounts(db: Db, ctx: Ctx): Promise<Record<string, number>> {
  const columns = computationsOf('children').map(([key, c]) => sql`count(*) filter (where ${sql.raw((c as { children: (p: Profile) => string }).children(ctx.profile))}) as ${sql.ref(key)}`);
  const flags = Object.entries(FLAGS).map(([name, aggregate]) => sql`${bind(aggregate, ctx)} as ${sql.ref(name)}`);
  const { rows } = await sql<Record<string, number>>`
    select ${sql.join(columns)}
    from (
      select s.child_ref, ${sql.join(flags)}
      from readmodel.spells s
      where ${believed(ctx, 's')} and ${caseScope(ctx, 's')}
        and s.kind in (${sql.join(FLAG_KINDS)})
        and s.start_on <= ${ctx.through}::date and coalesce(s.end_on, 'infinity'::date) >= ${ctx.start}::date
      group by s.child_ref
    ) c`.execute(db);
  return rows[0];
}

async function occurrenceCounts(db: Db, ctx: Ctx): Promise<Record<string, number>> {
  const columns = computationsOf('occurrences').map(([key, c]) => {
    const { occurrences, where } = c as { occurrences: 'rows' | 'children'; where: string };
    const counted = occurrences === 'rows' ? sql`count(*)` : sql`count(distinct o.child_ref)`;
    return sql`${counted} filter (where ${bind(where, ctx)}) as ${sql.ref(key)}`;
  });
  const { rows } = await sql<Record<string, number>>`
    select ${sql.join(columns)}
    from readmodel.occurrences o
    where ${believed(ctx, 'o')} and ${caseScope(ctx, 'o')} and o.child_ref is not null
      and o.on_date between ${ctx.start}::date and ${ctx.through}::date`.execute(db);
  return rows[0];
}

const MEETING_KINDS = meetingForum.options.map((forum) => `meeting_${forum}`);

async function meetingCounts(db: Db, ctx: Ctx): Promise<Record<string, number>> {
  const columns = computationsOf('meetings').map(([key, c]) => sql`${sql.raw((c as { meetings: string }).meetings)} as ${sql.ref(key)}`);
  const { rows } = await sql<Record<string, number>>`
    select ${sql.join(columns)}
    from readmodel.occurrences m
    where ${believed(ctx, 'm')} and ${meetingScope(ctx, 'm')} and m.child_ref is null and m.kind in (${sql.join(MEETING_KINDS)})
      and m.on_date between ${ctx.start}::date and ${ctx.through}::date`.execute(db);
  return rows[0];
}

/** herhaald: children with a case opened in P whose earlier case (same childRef, in scope) closed in the 365 days before. */
async function repeatedChildren(db: Db, ctx: Ctx): Promise<number> {
  const closedKinds = CLOSE_OUTCOMES.map((o) => `closed_${o}`);
  const { rows } = await sql<{ n: number }>`
    with opened as materialized (
      select o.subject_id, o.child_ref, o.on_date from readmodel.occurrences o
      where o.kind = 'opened' and ${believed(ctx, 'o')} and ${caseScope(ctx, 'o')}
        and o.on_date between ${ctx.start}::date and ${ctx.through}::date
    ),
    closed as materialized (
      select c.subject_id, c.child_ref, c.on_date from readmodel.occurrences c
      where c.kind in (${sql.join(closedKinds)}) and ${believed(ctx, 'c')} and ${caseScope(ctx, 'c')}
        and c.on_date between ${ctx.start}::date - 365 and ${ctx.through}::date
    )
    select count(distinct o.child_ref) as n
    from opened o join closed c
      on c.child_ref = o.child_ref and c.subject_id <> o.subject_id and c.on_date between o.on_date - 365 and o.on_date`.execute(db);
  return rows[0].n;
}

/**
 * besproken_aandeel: per month, among children counted by officieel on its last day (or today) whose norm
 * spell has lasted 4 weeks, the share discussed in that month's Leerplicht/SWV overleg; the mean over the
 * months of the period that have a value.
 */
async function discussedShare(db: Db, ctx: Ctx): Promise<number | null> {
  const months = monthsUpTo(ctx.start, ctx.through).map((m) => {
    const { start, end } = monthBounds(m);
    return { start: start < ctx.start ? ctx.start : start, end: end > ctx.through ? ctx.through : end };
  });
  const { rows } = await sql<{ month_start: string; counted: number; discussed: number }>`
    with months as (
      select * from unnest(${months.map((m) => m.start)}::date[], ${months.map((m) => m.end)}::date[]) m(month_start, month_end)
    ),
    counted as materialized (
      select s.child_ref, s.start_on, coalesce(s.end_on, 'infinity'::date) as end_on from readmodel.spells s
      where s.kind = 'officieel_4w' and ${believed(ctx, 's')} and ${caseScope(ctx, 's')}
        and s.start_on <= ${ctx.through}::date and coalesce(s.end_on, 'infinity'::date) >= ${ctx.start}::date
    ),
    due as (
      select distinct m.month_start, c.child_ref
      from months m join counted c on c.start_on <= m.month_end and c.end_on >= m.month_end
    ),
    discussed as (
      select distinct m.month_start, o.child_ref
      from readmodel.occurrences o join months m on o.on_date between m.month_start and m.month_end
      where o.kind = 'discussed_leerplicht_swv' and o.on_date between ${ctx.start}::date and ${ctx.through}::date
        and ${believed(ctx, 'o')} and ${caseScope(ctx, 'o')}
    )
    select d.month_start, count(*) as counted, count(x.child_ref) as discussed
    from due d left join discussed x on x.month_start = d.month_start and x.child_ref = d.child_ref
    group by d.month_start`.execute(db);
  const shares = rows.filter((r) => r.counted > 0).map((r) => r.discussed / r.counted);
  return shares.length === 0 ? null : round4(shares.reduce((a, b) => a + b, 0) / shares.length);
}
