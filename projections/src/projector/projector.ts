// The projection runner: catches up from its checkpoint through the EventStore port, one transaction per
// batch together with the checkpoint, so a crash never double counts and a restart resumes where it was.
// While one batch is being written the next is read and computed (the case cache makes that safe).
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { caseIdOf, START, type Db, type EventStore, type Position, type StoredEvent } from '@pact/events';
import { DEFAULT_CONFIG, projectionSettings, type RegionConfig } from '../config.ts';
import { asReadModel, migrateReadModels, READ_MODEL_TABLES, type ReadModelDb } from '../schema.ts';
import { CaseCache } from './case-cache.ts';
import { CaseChangesOfBatch, type Work } from './case-changes.ts';
import { projectMeetings, upsertCases, writeChanges } from './write.ts';

const CHECKPOINT = 'figures';
const RETRY_MS = 1000;
/** How long `catchUp` waits for committed events to become readable (see projectOnce), and how often it looks. */
const CATCH_UP_WAIT_MS = 120_000;
const CATCH_UP_POLL_MS = 100;
/** Refresh the planner's statistics after this many events (PGlite has no autovacuum to do it). */
const ANALYZE_EVERY = 20_000;

export interface ProjectorOptions {
  /** The region's configuration: its time rules shape the read models (default: metrics.md's defaults). */
  config?: RegionConfig;
  /** Events per batch (and per transaction). */
  batchSize?: number;
  /** How many recently touched cases to keep in memory. */
  cacheCases?: number;
  /** Where `run` reports an error before it retries from the checkpoint. */
  onError?: (error: unknown) => void;
}

/** The time rules changed since the read models were computed: they were emptied, to be projected again. */
export interface SettingsChange {
  from: string;
  to: string;
}

export class Projector {
  private readonly db: ReadModelDb;
  private readonly batchSize: number;
  private readonly cache: CaseCache;
  private readonly changesOf: CaseChangesOfBatch;
  private readonly settings: string;
  private readonly onError: (error: unknown) => void;
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
    const rules = projectionSettings(options.config ?? DEFAULT_CONFIG);
    this.settings = JSON.stringify(rules);
    this.changesOf = new CaseChangesOfBatch(this.db, store, this.cache, rules);
    this.onError = options.onError ?? ((error) => console.error('Projectie mislukt; opnieuw vanaf het checkpoint:', error));
  }

  /**
   * Creates or updates the read-model tables. When the region's time rules differ from those the read models were
   * computed with, empties them (the next catch-up projects the whole log again) and says so.
   */
  async migrate(): Promise<SettingsChange | null> {
    await migrateReadModels(this.db as unknown as Db);
    return this.exclusive(async () => {
      const row = await this.db.selectFrom('readmodel.settings').select('settings').executeTakeFirst();
      if (row?.settings === this.settings) return null;
      await this.db.transaction().execute(async (trx) => {
        for (const table of READ_MODEL_TABLES) await sql`truncate ${sql.table(table)}`.execute(trx);
        await trx.insertInto('readmodel.settings').values({ settings: this.settings }).execute();
      });
      this.cache.clear();
      return row ? { from: row.settings, to: this.settings } : null; // a first projection changes nothing
    });
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
        for (const table of READ_MODEL_TABLES) if (table !== 'readmodel.settings') await sql`truncate ${sql.table(table)}`.execute(trx);
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
    const deadline = Date.now() + CATCH_UP_WAIT_MS;
    try {
      for (;;) {
        const batch = await this.store.readAll(position, this.batchSize);
        if (batch.events.length === 0) {
          // Events committed after the position that cannot be read yet: on PostgreSQL an older transaction (of any
          // database on the server) is still open, and the gap-safe order waits for it. Catching up means them too.
          if (Date.now() > deadline || (await this.store.countAfter(position)) === 0) break;
          await sleep(CATCH_UP_POLL_MS);
          continue;
        }
        const work = await this.prepare(batch.events, false);
        await writing;
        writing = this.write(work, batch.next);
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
    // another process may have projected since this one last did (it took over the projection): its cases are stale
    this.cache.clear();
    while (!signal.aborted) {
      try {
        await this.store.follow(await this.checkpoint(), (batch) => this.apply(batch.events, batch.next), { signal, batchSize: this.batchSize });
      } catch (error) {
        if (signal.aborted) return;
        this.onError(error);
        await sleep(RETRY_MS);
      }
    }
  }

  /** Projects one batch and moves the checkpoint to `next`, all in one transaction. */
  async apply(events: readonly StoredEvent[], next: Position): Promise<void> {
    await this.exclusive(async () => {
      // the batch may have been read before an erasure: then its new streams are read again (an erased one is gone)
      const erased = await this.syncErasures();
      try {
        await this.write(await this.prepare(events, erased), next);
      } catch (error) {
        this.cache.clear();
        throw error;
      }
    });
    await this.analyzeAfter(events.length);
  }

  private prepare(events: readonly StoredEvent[], erased: boolean): Promise<Work> {
    return this.changesOf.of(events, erased || this.store.deletedEventsLinger);
  }

  /** Keeps the planner's row estimates fresh: a report planned on empty-table estimates can take seconds. */
  private async analyzeAfter(events: number): Promise<void> {
    this.sinceAnalyze += events;
    if (this.sinceAnalyze < ANALYZE_EVERY) return;
    this.sinceAnalyze = 0;
    await analyze(this.db);
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
        await trx.deleteFrom('readmodel.stretches').where('case_id', 'in', caseIds).execute();
        await trx.deleteFrom('readmodel.occurrences').where('subject_id', 'in', caseIds).execute();
        await trx.deleteFrom('readmodel.cases').where('case_id', 'in', caseIds).execute();
      });
      // the next batch finds the count moved, as after an erasure by another process (syncErasures)
      await analyze(this.db);
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

  /** Writes a computed batch and its checkpoint in one transaction. */
  private async write(work: Work, next: Position): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      // Holds off an erasure by another process until this commits; one that came first makes this batch stale.
      if ((await erasureCount(trx, 'for share')) !== this.erasures) throw new ErasedMeanwhile();
      await writeChanges(trx, work.changes);
      await upsertCases(trx, work.caseRows);
      await projectMeetings(trx, work.meetingEvents);
      await trx
        .insertInto('readmodel.checkpoints')
        .values({ name: CHECKPOINT, position: next })
        .onConflict((oc) => oc.column('name').doUpdateSet({ position: next }))
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

const analyze = (db: ReadModelDb) => sql`analyze readmodel.stretches, readmodel.occurrences, readmodel.cases`.execute(db);
