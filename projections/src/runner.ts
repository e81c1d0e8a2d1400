// The projection runner: catches up from its checkpoint through the EventStore port, one transaction per
// batch together with the checkpoint, so a crash never double counts and a restart resumes where it was.
// While one batch is being written the next is read and computed (the case cache makes that safe).
import { sql } from 'kysely';
import { activeEvents, caseIdOf, meetingIdOf, START, timeline, type Db, type EventStore, type Position, type StoredEvent } from '@pact/events';
import { advance, factKey, versionAt, type Fact, type RowChanges } from './bitemporal.ts';
import { CaseCache, type CachedCase, type StoredCaseEvent } from './case-cache.ts';
import type { CaseIdentity } from './spells.ts';
import { asReadModel, migrateReadModels, READ_MODEL_TABLES, type ReadModelDb, type ReadModelTables } from './schema.ts';

const CHECKPOINT = 'figures';
const WRITE_CHUNK = 1000;
const RETRY_MS = 1000;
/** Refresh the planner's statistics after this many events (PGlite has no autovacuum to do it). */
const ANALYZE_EVERY = 20_000;

type Row<T extends keyof ReadModelTables> = ReadModelTables[T];

export interface ProjectorOptions {
  /** Events per batch (and per transaction). */
  batchSize?: number;
  /** How many recently touched cases to keep in memory. */
  cacheCases?: number;
  /** Where `run` reports an error before it retries from the checkpoint. */
  onError?: (error: unknown) => void;
}

/** One computed batch, ready to be written with its checkpoint. */
interface Work {
  changes: CaseChanges[];
  caseRows: Row<'readmodel.cases'>[];
  meetings: StoredEvent[];
  next: Position;
}

export class Projector {
  private readonly db: ReadModelDb;
  private readonly batchSize: number;
  private readonly cache: CaseCache;
  private readonly onError: (error: unknown) => void;
  private batchNo = 0;
  /** The erasure count the cache was filled under (`readmodel.erasures`); unknown before the first batch. */
  private erasures: number | undefined;
  private sinceAnalyze = ANALYZE_EVERY; // analyse after the first events projected
  /** Batches and erasures take turns (an erasure must not interleave with a batch touching the same case). */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    db: Db,
    private readonly store: EventStore,
    options: ProjectorOptions = {},
  ) {
    this.db = asReadModel(db);
    this.batchSize = options.batchSize ?? 500;
    this.cache = new CaseCache(options.cacheCases ?? 50_000);
    this.onError = options.onError ?? ((error) => console.error('Projectie mislukt; opnieuw vanaf het checkpoint:', error));
  }

  /** Creates or updates the read-model tables. */
  async migrate(): Promise<void> {
    await migrateReadModels(this.db as unknown as Db);
  }

  async checkpoint(): Promise<Position> {
    const row = await this.db.selectFrom('readmodel.checkpoints').select('position').where('name', '=', CHECKPOINT).executeTakeFirst();
    return row?.position ?? START;
  }

  /** Where the projections are and how many events of the log lie after that. */
  async status(): Promise<{ position: Position; lag: number }> {
    const position = await this.checkpoint();
    return { position, lag: await this.store.countAfter(position) };
  }

  /** Projects everything in the log after the checkpoint; returns the number of events projected. */
  catchUp(): Promise<number> {
    return this.exclusive(() => this.project());
  }

  /** Empties the read models and the checkpoint in one transaction, then projects the whole log again. */
  rebuild(): Promise<number> {
    return this.exclusive(async () => {
      this.cache.clear();
      await this.db.transaction().execute(async (trx) => {
        for (const table of READ_MODEL_TABLES) await sql`truncate ${sql.table(table)}`.execute(trx);
      });
      return this.project();
    });
  }

  /** `catchUp` within its turn; starts again when another process erased cases while it ran. */
  private async project(): Promise<number> {
    for (;;) {
      try {
        return await this.projectOnce();
      } catch (error) {
        if (!(error instanceof ErasedMeanwhile)) throw error;
      }
    }
  }

  private async projectOnce(): Promise<number> {
    await this.syncErasures();
    let position = await this.checkpoint();
    let count = 0;
    let writing: Promise<void> = Promise.resolve();
    try {
      for (;;) {
        const batch = await this.store.readAll(position, this.batchSize);
        if (batch.events.length === 0) break;
        const work = await this.prepare(batch.events, batch.next);
        await writing;
        writing = this.write(work);
        writing.catch(() => {}); // awaited below; this only marks it handled meanwhile
        position = batch.next;
        count += batch.events.length;
      }
      await writing;
      await this.analyzeAfter(count);
      return count;
    } catch (error) {
      this.cache.clear();
      await writing.catch(() => {});
      throw error;
    }
  }

  /**
   * Follows the log until `signal` aborts: new events show in the figures as soon as they are appended.
   * After an error it starts again from the checkpoint.
   */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        await this.store.follow(await this.checkpoint(), (batch) => this.apply(batch.events, batch.next), { signal, batchSize: this.batchSize });
      } catch (error) {
        if (signal.aborted) return;
        this.onError(error);
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
    }
  }

  /** Projects one batch and moves the checkpoint to `next`, all in one transaction. */
  async apply(events: readonly StoredEvent[], next: Position): Promise<void> {
    await this.exclusive(async () => {
      // the batch may have been read before an erasure: then its new streams are read again (an erased one is gone)
      const erased = await this.syncErasures();
      try {
        await this.write(await this.prepare(events, next, erased));
      } catch (error) {
        this.cache.clear();
        throw error;
      }
    });
    await this.analyzeAfter(events.length);
  }

  /** Keeps the planner's row estimates fresh: a report planned on empty-table estimates can take seconds. */
  private async analyzeAfter(events: number): Promise<void> {
    this.sinceAnalyze += events;
    if (this.sinceAnalyze < ANALYZE_EVERY) return;
    this.sinceAnalyze = 0;
    await sql`analyze readmodel.spells, readmodel.occurrences, readmodel.cases`.execute(this.db);
  }

  /**
   * Every case of a child in the log: those projected (the cases table keeps the child of a retracted case too)
   * and those in the part of the log not yet projected.
   */
  async casesOfChild(childRef: string): Promise<string[]> {
    const from = await this.checkpoint();
    const projected = await this.db.selectFrom('readmodel.cases').select('case_id').where('child_ref', '=', childRef).execute();
    const ids = new Set(projected.map((r) => r.case_id));
    for (let position = from; ; ) {
      const batch = await this.store.readAll(position, this.batchSize);
      if (batch.events.length === 0) return [...ids];
      for (const e of batch.events) if (e.type === 'CaseOpened' && e.data.childRef === childRef) ids.add(caseIdOf(e.stream)!);
      position = batch.next;
    }
  }

  /**
   * Removes every read-model row of these cases (erasure on request, after their streams were deleted from the
   * log) and counts the erasure, so that figures computed before it, and other processes' caches, are not used again.
   * Refreshes the planner's statistics of the tables, which hold sampled values of their columns.
   */
  async forget(caseIds: readonly string[]): Promise<void> {
    await this.exclusive(async () => {
      await this.db.transaction().execute(async (trx) => {
        // First, so that a batch being written by another process commits before the rows are deleted (see write).
        await trx.updateTable('readmodel.erasures').set((eb) => ({ n: eb('n', '+', 1) })).execute();
        if (caseIds.length === 0) return;
        await trx.deleteFrom('readmodel.spells').where('case_id', 'in', caseIds).execute();
        await trx.deleteFrom('readmodel.occurrences').where('subject_id', 'in', caseIds).execute();
        await trx.deleteFrom('readmodel.cases').where('case_id', 'in', caseIds).execute();
      });
      // the next batch finds the count moved, as after an erasure by another process (syncErasures)
      await sql`analyze readmodel.spells, readmodel.occurrences, readmodel.cases`.execute(this.db);
    });
  }

  /** After an erasure (by any process) the cache may hold erased cases: it is emptied. Returns whether it was. */
  private async syncErasures(): Promise<boolean> {
    const n = await erasureCount(this.db);
    if (n === this.erasures) return false;
    this.cache.clear();
    this.erasures = n;
    return true;
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.turn.then(fn);
    this.turn = result.catch(() => {});
    return result;
  }

  /**
   * Computes what a batch changes, moving the cache forward (outside any transaction). `recheck`: the batch may have
   * been read before an erasure.
   */
  private async prepare(events: readonly StoredEvent[], next: Position, recheck = false): Promise<Work> {
    const batchNo = ++this.batchNo;
    const caseEvents = events.filter((e) => caseIdOf(e.stream)) as StoredCaseEvent[];
    const byStream = groupBy(caseEvents, (e) => e.stream);
    // A stream whose first event (revision 0) is in this batch is new: nothing of it was read or projected before.
    // Unless the batch may hold events of erased streams: then it is read like the others (an erased one is gone).
    const trustNew = !recheck && !this.store.deletedEventsLinger;
    const isNew = (added: StoredCaseEvent[]) => trustNew && added[0].revision === 0;
    const missing = [...byStream].filter(([s, added]) => !this.cache.get(caseIdOf(s)!) && !isNew(added)).map(([s]) => s);
    for (const [s, added] of byStream) if (isNew(added)) this.cache.set(caseIdOf(s)!, { events: [], current: [], batch: batchNo });
    await this.loadMissing(missing, byStream, batchNo);

    const changes: CaseChanges[] = [];
    const caseRows: Row<'readmodel.cases'>[] = [];
    for (const [stream, added] of byStream) {
      const caseId = caseIdOf(stream)!;
      const entry = this.cache.get(caseId);
      if (!entry) continue; // erased: the log may still deliver its events (KurrentDB until its next scavenge)
      entry.events.push(...added);
      entry.batch = batchNo;
      this.cache.set(caseId, entry);
      // The versions this batch adds: one per distinct recordedAt of its events of this case.
      const versions = [...new Set(added.map((e) => e.recordedAt))].sort().map((at) => versionAt(entry.events, at));
      const changed = advance(entry.current, versions);
      entry.current = believedAfter(entry.current, changed);
      const identity = identityOf(entry.events);
      if (identity) changes.push({ caseId, identity, ...changed });
      caseRows.push(caseRow(caseId, entry.events));
    }
    this.cache.evict(batchNo - 1);
    return { changes, caseRows, meetings: events.filter((e) => e.type === 'MeetingHeld'), next };
  }

  /** Brings cases the cache does not know into it: their events before this batch, their rows still believed. */
  private async loadMissing(streams: string[], batch: Map<string, StoredCaseEvent[]>, batchNo: number) {
    if (streams.length === 0) return;
    const ids = streams.map((s) => caseIdOf(s)!);
    const [histories, spellRows, occurrenceRows] = await Promise.all([
      this.store.readStreams(streams),
      this.db.selectFrom('readmodel.spells').select(['case_id', 'kind', 'start_on', 'end_on', 'recorded_from']).where('case_id', 'in', ids).where('recorded_to', 'is', null).execute(),
      this.db.selectFrom('readmodel.occurrences').select(['subject_id', 'kind', 'on_date', 'n', 'recorded_from']).where('subject_id', 'in', ids).where('recorded_to', 'is', null).execute(),
    ]);
    const entries = new Map<string, CachedCase>();
    for (const stream of streams) {
      const history = histories.get(stream) as StoredCaseEvent[] | undefined;
      if (!history) continue; // the stream is gone: erased after the log delivered these events
      const first = batch.get(stream)![0].revision;
      const before = history.filter((e) => e.revision < first);
      entries.set(caseIdOf(stream)!, { events: before, current: [], batch: batchNo });
    }
    for (const r of spellRows) entries.get(r.case_id)?.current.push({ fact: { table: 'spells', kind: r.kind, start: r.start_on, end: r.end_on }, from: r.recorded_from.toISOString() });
    for (const r of occurrenceRows) entries.get(r.subject_id)?.current.push({ fact: { table: 'occurrences', kind: r.kind, on: r.on_date, n: r.n }, from: r.recorded_from.toISOString() });
    for (const [caseId, entry] of entries) this.cache.set(caseId, entry);
  }

  /** Writes a computed batch and its checkpoint in one transaction. */
  private async write(work: Work): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // Holds off an erasure by another process until this commits; one that came first makes this batch stale.
      if ((await erasureCount(trx, 'for share')) !== this.erasures) throw new ErasedMeanwhile();
      await writeChanges(trx, work.changes);
      await upsertCases(trx, work.caseRows);
      await projectMeetings(trx, work.meetings);
      await trx
        .insertInto('readmodel.checkpoints')
        .values({ name: CHECKPOINT, position: work.next })
        .onConflict((oc) => oc.column('name').doUpdateSet({ position: work.next }))
        .execute();
    });
  }
}

/** Another process erased cases while a batch was computed: the batch may bring back rows of those cases. */
class ErasedMeanwhile extends Error {
  constructor() {
    super('Tijdens het projecteren zijn casussen gewist; de projectie begint opnieuw vanaf het checkpoint');
  }
}

async function erasureCount(db: ReadModelDb, lock?: 'for share'): Promise<number> {
  const { rows } = await sql<{ n: number }>`select n from readmodel.erasures ${lock ? sql.raw(lock) : sql``}`.execute(db);
  return Number(rows[0].n);
}

/** The rows still believed after applying `changes` to `current`. */
function believedAfter(current: { fact: Fact; from: string }[], changes: RowChanges): { fact: Fact; from: string }[] {
  const gone = new Set([...changes.close, ...changes.remove].map((r) => `${factKey(r.fact)}@${r.from}`));
  return [
    ...current.filter((r) => !gone.has(`${factKey(r.fact)}@${r.from}`)),
    ...changes.insert.filter((r) => r.to === null).map(({ fact, from }) => ({ fact, from })),
  ];
}

interface CaseChanges extends RowChanges {
  caseId: string;
  identity: CaseIdentity;
}

/** The identity from the case's CaseOpened (also when it was retracted: rows still believed need it to be closed). */
function identityOf(events: readonly StoredCaseEvent[]): CaseIdentity | null {
  const opened = events[0];
  return opened?.type === 'CaseOpened' ? { childRef: opened.data.childRef, gemeente: opened.data.gemeente, swv: opened.data.swv } : null;
}

function caseRow(caseId: string, events: readonly StoredCaseEvent[]): Row<'readmodel.cases'> {
  const segments = timeline(events);
  const state = segments[segments.length - 1]?.state;
  const last = events[events.length - 1];
  const base = { case_id: caseId, revision: last.revision, last_recorded_at: new Date(last.recordedAt) };
  if (!state || state.status === 'unopened') {
    // A retracted case counts nowhere, but keeps its child and scope so that it can be found (and erased).
    const identity = identityOf(events);
    return {
      ...base,
      child_ref: identity?.childRef ?? null,
      gemeente: identity?.gemeente ?? null,
      swv: identity?.swv ?? null,
      sector: null,
      birth_year: null,
      opened_on: null,
      closed_on: null,
      outcome: null,
      status: 'retracted',
      last_event_on: null,
    };
  }
  return {
    ...base,
    child_ref: state.childRef,
    gemeente: state.gemeente,
    swv: state.swv,
    sector: state.sector,
    birth_year: state.birthYear,
    opened_on: state.openedOn,
    closed_on: state.status === 'closed' ? state.closedOn : null,
    outcome: state.status === 'closed' ? state.outcome : null,
    status: state.status,
    last_event_on: activeEvents(events).reduce((latest, e) => (e.data.effectiveOn > latest ? e.data.effectiveOn : latest), state.openedOn),
  };
}

async function upsertCases(trx: ReadModelDb, rows: Row<'readmodel.cases'>[]) {
  const columns = ['child_ref', 'gemeente', 'swv', 'sector', 'birth_year', 'opened_on', 'closed_on', 'outcome', 'status', 'revision', 'last_recorded_at', 'last_event_on'] as const;
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    await trx
      .insertInto('readmodel.cases')
      .values(rows.slice(i, i + WRITE_CHUNK))
      .onConflict((oc) => oc.column('case_id').doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .execute();
  }
}

// How a fact is keyed and written in its table: the columns of its key among the rows still believed.
type Column = { name: string; type: string; value: (row: KeyedRow) => unknown };
type KeyedRow = { caseId: string; fact: Fact; from: string; to?: string | null; identity?: CaseIdentity };
const spellOf = (r: KeyedRow) => r.fact as Extract<Fact, { table: 'spells' }>;
const occurrenceOf = (r: KeyedRow) => r.fact as Extract<Fact, { table: 'occurrences' }>;
const TABLES: Record<Fact['table'], { name: string; key: Column[]; rest: Column[] }> = {
  spells: {
    name: 'readmodel.spells',
    key: [
      { name: 'case_id', type: 'uuid', value: (r) => r.caseId },
      { name: 'kind', type: 'text', value: (r) => spellOf(r).kind },
      { name: 'start_on', type: 'date', value: (r) => spellOf(r).start },
      { name: 'recorded_from', type: 'timestamptz', value: (r) => r.from },
    ],
    rest: [{ name: 'end_on', type: 'date', value: (r) => spellOf(r).end }],
  },
  occurrences: {
    name: 'readmodel.occurrences',
    key: [
      { name: 'subject_id', type: 'uuid', value: (r) => r.caseId },
      { name: 'kind', type: 'text', value: (r) => occurrenceOf(r).kind },
      { name: 'on_date', type: 'date', value: (r) => occurrenceOf(r).on },
      { name: 'n', type: 'smallint', value: (r) => occurrenceOf(r).n },
      { name: 'recorded_from', type: 'timestamptz', value: (r) => r.from },
    ],
    rest: [],
  },
};
const IDENTITY: Column[] = [
  { name: 'child_ref', type: 'text', value: (r) => r.identity!.childRef },
  { name: 'gemeente', type: 'text', value: (r) => r.identity!.gemeente },
  { name: 'swv', type: 'text', value: (r) => r.identity!.swv },
];
const RECORDED_TO: Column = { name: 'recorded_to', type: 'timestamptz', value: (r) => r.to ?? null };

/** `unnest($1::t1[], $2::t2[], …) x(c1, c2, …)`: a chunk of rows as a relation, one array parameter per column. */
function unnestRows(rows: KeyedRow[], columns: Column[]) {
  const arrays = columns.map((c) => sql`${rows.map(c.value)}::${sql.raw(c.type)}[]`);
  return sql`unnest(${sql.join(arrays)}) x(${sql.join(columns.map((c) => sql.ref(c.name)))})`;
}

const matchKey = (columns: Column[], alias: string) => sql.join(columns.map((c) => sql`${sql.ref(`${alias}.${c.name}`)} = ${sql.ref(`x.${c.name}`)}`), sql` and `);

async function writeChanges(trx: ReadModelDb, changes: CaseChanges[]) {
  const rows = (pick: (c: CaseChanges) => { fact: Fact; from: string; to?: string | null }[]) =>
    changes.flatMap((c) => pick(c).map((r): KeyedRow => ({ caseId: c.caseId, identity: c.identity, ...r })));
  const [removed, closed, inserted] = [rows((c) => c.remove), rows((c) => c.close), rows((c) => c.insert)];
  for (const [table, { name, key, rest }] of Object.entries(TABLES) as [Fact['table'], (typeof TABLES)[Fact['table']]][]) {
    const ofTable = (list: KeyedRow[]) => list.filter((r) => r.fact.table === table);
    for (const chunk of chunks(ofTable(removed))) {
      await sql`delete from ${sql.table(name)} t using ${unnestRows(chunk, key)} where ${matchKey(key, 't')}`.execute(trx);
    }
    for (const chunk of chunks(ofTable(closed))) {
      await sql`update ${sql.table(name)} t set recorded_to = x.recorded_to from ${unnestRows(chunk, [...key, RECORDED_TO])} where ${matchKey(key, 't')}`.execute(trx);
    }
    const columns = [...key, ...rest, ...IDENTITY, RECORDED_TO];
    for (const chunk of chunks(ofTable(inserted))) {
      await sql`insert into ${sql.table(name)} (${sql.join(columns.map((c) => sql.ref(c.name)))}) select * from ${unnestRows(chunk, columns)}`.execute(trx);
    }
  }
}

function* chunks<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += WRITE_CHUNK) yield items.slice(i, i + WRITE_CHUNK);
}

/** A meeting stream holds one MeetingHeld: it becomes an occurrence `meeting_<forum>` of its gemeente/swv. */
async function projectMeetings(trx: ReadModelDb, events: readonly StoredEvent[]) {
  const rows = events.flatMap((e) =>
    e.type === 'MeetingHeld'
      ? [{
          subject_id: meetingIdOf(e.stream)!,
          child_ref: null,
          gemeente: e.data.gemeente ?? null,
          swv: e.data.swv ?? null,
          kind: `meeting_${e.data.forum}`,
          on_date: e.data.effectiveOn,
          n: 0,
          recorded_from: new Date(e.recordedAt),
          recorded_to: null,
        }]
      : [],
  );
  for (const chunk of chunks(rows)) await trx.insertInto('readmodel.occurrences').values(chunk).execute();
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
