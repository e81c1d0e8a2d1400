// The cumulative anonymised case list the Inspectie asks samenwerkingsverbanden for each quarter: one row per
// case ever opened in scope (rows are never dropped: closed and retracted cases stay, with their outcome), as
// known at `asOf`, with the facts up to the peildatum `on`. Computed from each case's events, by the same
// functions that feed the projections (caseTimeline), so the list agrees with the figures.
import { activeEvents, daysBetween, minDate, type CaseEvent, type Db, type EventStore, type IsoDate } from '@pact/events';
import { AGE_BAND_LABELS, ageBandOf, caseTimeline, projectionSettings, type Profile, type RegionConfig, type Scope } from '@pact/projections';
import { sql } from 'kysely';
import type { ExportTable } from '../reports/tables.ts';

export interface CaseListRow {
  caseId: string;
  gemeente: string;
  swv: string;
  sector: string;
  /** Age at opening (year of opening − birth year), in the bands of the breakdowns. */
  ageBand: string;
  /** s* of the case's first norm spell under the profile (out of school), if any by `on`. */
  firstDayOut: IsoDate | null;
  /** Days on which the profile's base condition held (the days of its norm spells, interruptions not counted), up to and including `on`. */
  daysOut: number;
  planOn: IsoDate | null;
  offerOn: IsoDate | null;
  /** `open`, the closing outcome, or `ingetrokken` (CaseOpened retracted). */
  outcome: string;
  /** Had a vrijstelling 5 onder a on some day up to `on`. */
  v5a: boolean;
}

export interface CaseListOptions {
  on: IsoDate;
  profile: Profile;
  scope: Scope;
  asOf?: Date;
  config: RegionConfig;
}

const CHUNK = 500;

/** One case's row from its events (stream order), as known at `asOf`, up to day `on`. */
export function caseListRow(caseId: string, events: readonly (CaseEvent & { recordedAt?: string })[], options: CaseListOptions): CaseListRow | undefined {
  const known = options.asOf ? events.filter((e) => !e.recordedAt || new Date(e.recordedAt) <= options.asOf!) : events;
  const opened = known[0]?.type === 'CaseOpened' ? known[0] : undefined;
  if (!opened || opened.data.effectiveOn > options.on) return undefined;
  const upToOn = known.filter((e) => e.type === 'EventRetracted' || e.data.effectiveOn <= options.on);
  const base = { caseId, gemeente: opened.data.gemeente, swv: opened.data.swv, sector: opened.data.sector, ageBand: AGE_BAND_LABELS[ageBandOf(opened.data.birthYear, opened.data.effectiveOn)] };
  const active = activeEvents(upToOn);
  if (!active.some((e) => e.type === 'CaseOpened')) {
    return { ...base, firstDayOut: null, daysOut: 0, planOn: null, offerOn: null, outcome: 'ingetrokken', v5a: false };
  }
  const timeline = caseTimeline(upToOn, projectionSettings(options.config));
  const spells = timeline?.normSpells[options.profile] ?? [];
  const days = spells.flatMap((s) => s.runs).filter((r) => r.start <= options.on);
  const first = (type: CaseEvent['type']) => active.filter((e) => e.type === type).map((e) => e.data.effectiveOn).sort()[0] ?? null;
  const closed = active.find((e): e is Extract<CaseEvent, { type: 'CaseClosed' }> => e.type === 'CaseClosed');
  return {
    ...base,
    firstDayOut: spells[0]?.start ?? null,
    daysOut: days.reduce((n, r) => n + daysBetween(r.start, minDate(r.end ?? options.on, options.on)) + 1, 0),
    planOn: first('PlanAgreed'),
    offerOn: first('OfferStarted'),
    outcome: closed ? closed.data.outcome : 'open',
    v5a: (timeline?.runs.v5a ?? []).some((r) => r.start <= options.on),
  };
}

/** Every case of the scope, oldest first. */
export async function caseList(db: Db, store: EventStore, options: CaseListOptions): Promise<CaseListRow[]> {
  const { gemeente, swv } = options.scope;
  const { rows: ids } = await sql<{ case_id: string }>`
    select case_id::text as case_id from readmodel.cases
    where opened_on is not null and opened_on <= ${options.on}::date
      ${gemeente ? sql`and gemeente = ${gemeente}` : sql``} ${swv ? sql`and swv = ${swv}` : sql``}
    order by opened_on, case_id`.execute(db);
  const rows: CaseListRow[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK).map((r) => r.case_id);
    const streams = await store.readStreams(chunk.map((id) => `case-${id}`));
    for (const id of chunk) {
      const row = caseListRow(id, (streams.get(`case-${id}`) ?? []) as CaseEvent[], options);
      if (row) rows.push(row);
    }
  }
  return rows;
}

const date = (d: IsoDate | null) => (d ? { date: d } : '');

export function caseListTable(rows: CaseListRow[], options: CaseListOptions, generatedAt: Date): ExportTable {
  return {
    title: 'Casuslijst thuiszitters (cumulatief, geanonimiseerd)',
    config: options.config,
    meta: [
      ['Peildatum', options.on],
      ['Profiel', options.profile],
      ['Gemeente', options.scope.gemeente ?? 'alle'],
      ['Samenwerkingsverband', options.scope.swv ?? 'alle'],
      ['Stand van registratie (asOf)', options.asOf?.toISOString() ?? 'actueel'],
      ['Gemaakt op', generatedAt.toISOString()],
    ],
    head: [['casus', 'gemeente', 'swv', 'sector', 'leeftijd bij aanvang', 'eerste dag thuis', 'dagen thuis', 'datum plan', 'datum aanbod', 'uitkomst', 'vrijstelling 5a']],
    rows: rows.map((r) => [
      r.caseId,
      r.gemeente,
      r.swv,
      r.sector,
      r.ageBand,
      date(r.firstDayOut),
      { number: r.daysOut, share: false },
      date(r.planOn),
      date(r.offerOn),
      r.outcome,
      r.v5a ? 'ja' : 'nee',
    ]),
  };
}
