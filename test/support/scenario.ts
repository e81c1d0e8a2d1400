// Golden scenarios: a region's history written out as events, ingested through the write rules (historical:
// each event carries its recordedAt), projected, and reported on a fixed "now".
import { PostgresEventStore, type PactEvent } from '@pact/events';
import { DEFAULT_CONFIG, monthlyReport, Projector, signalList, yearReport, type Profile, type RegionConfig, type Scope } from '@pact/projections';
import { ingest } from '../../backend/src/ingest.ts';
import { childRef } from './builders.ts';
import type { DatabaseKind } from './databases.ts';

export interface ScenarioOptions {
  /** The clock: "today" for reports without asOf, and the latest allowed recordedAt. */
  now: string;
  /** The region configuration (default: metrics.md's defaults). */
  config?: Partial<RegionConfig>;
}

export interface ReportArgs {
  profile?: Profile;
  scope?: Scope;
  asOf?: string;
}

export async function openScenario(kind: DatabaseKind, events: PactEvent[], options: ScenarioOptions) {
  const database = await kind.open();
  const now = new Date(options.now);
  const store = await PostgresEventStore.create(database.db, kind.name, { clock: () => now });
  const ingested = await ingest(store, events.map((value, i) => ({ line: i + 1, value })), { historical: true, clock: () => now });
  if (!ingested.ok) throw new Error(`scenario events rejected: ${JSON.stringify('errors' in ingested ? ingested.errors : ingested.conflict.message)}`);
  const config: RegionConfig = { ...DEFAULT_CONFIG, ...options.config };
  const projector = new Projector(database.db, store, { config });
  await projector.migrate();
  await projector.catchUp();
  const reportOptions = (args: ReportArgs = {}) => ({
    profile: args.profile ?? config.defaultProfile,
    scope: args.scope ?? {},
    asOf: args.asOf ? new Date(args.asOf) : undefined,
    now,
    config,
  });
  return {
    store,
    projector,
    db: database.db,
    /** The year report's figures (and `previous`). */
    year: (year: string, args?: ReportArgs) => yearReport(database.db, year, reportOptions(args)),
    monthly: (from: string, to: string, args?: ReportArgs) => monthlyReport(database.db, from, to, reportOptions(args)),
    /** The signal list's entries on day `on`. */
    signals: async (on: string, args: ReportArgs = {}) => (await signalList(database.db, on, reportOptions(args))).signals,
    close: () => database.close(),
  };
}

export type Scenario = Awaited<ReturnType<typeof openScenario>>;

let counter = 0;
/** A deterministic UUID for readable scenarios: `uuid(7)` → 00000000-0000-4000-8000-000000000007. */
export const uuid = (n: number = ++counter) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Builds one case's events with recordedAt = the effective day at noon unless given. */
export function caseOf(caseNo: number, child: string, opened: { on: string; gemeente?: string; swv?: string; enrolled?: boolean; phase?: 'op_school' | 'minder_naar_school' | 'thuis'; authorised?: boolean; recordedAt?: string }) {
  const stream = `case-00000000-0000-4000-a000-${String(caseNo).padStart(12, '0')}`;
  const events: PactEvent[] = [];
  let seq = 0;
  const at = (on: string, recordedAt?: string) => recordedAt ?? `${on}T12:00:00.000Z`;
  const add = (type: PactEvent['type'], data: Record<string, unknown>, recordedAt?: string): PactEvent => {
    const e = {
      eventId: `00000000-0000-4000-b${String(caseNo).padStart(3, '0')}-${String(++seq).padStart(12, '0')}`,
      type,
      stream,
      data,
      schemaVersion: 1,
      recordedAt: at(data.effectiveOn as string, recordedAt),
    } as PactEvent;
    events.push(e);
    return e;
  };
  const phase = opened.phase ?? 'thuis';
  add(
    'CaseOpened',
    {
      childRef: childRef(child),
      gemeente: opened.gemeente ?? 'GM0344',
      swv: opened.swv ?? 'PO2601',
      sector: 'po',
      birthYear: 2012,
      signalledBy: 'school',
      enrolled: opened.enrolled ?? true,
      phase,
      ...(phase === 'op_school' ? {} : { authorised: opened.authorised ?? false }),
      effectiveOn: opened.on,
    },
    opened.recordedAt,
  );
  return {
    stream,
    caseId: stream.slice(5),
    events,
    /** Appends an event of this case; `recordedAt` defaults to noon UTC of `effectiveOn`. */
    add,
  };
}
