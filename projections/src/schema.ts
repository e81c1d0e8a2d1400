// The read models (schema `readmodel`), created by kysely migrations on PostgreSQL and PGlite alike.
import { Kysely, Migrator, sql, type Migration } from 'kysely';
import type { Db } from '@pact/events';

export interface ReadModelTables {
  /** Each case's identity and current state (as of its latest events), for case pages and signal lists. */
  'readmodel.cases': {
    case_id: string;
    child_ref: string | null;
    gemeente: string | null;
    swv: string | null;
    sector: string | null;
    birth_year: number | null;
    opened_on: string | null;
    closed_on: string | null;
    outcome: string | null;
    status: 'open' | 'closed' | 'retracted';
    revision: number;
    last_recorded_at: Date;
    /** The latest `effectiveOn` of its events that count (business time); null for a retracted case. */
    last_event_on: string | null;
  };
  /**
   * A case's flags (facts/flags.ts) as a bit mask per stretch of days (`end_on` inclusive, null while ongoing), with
   * the details the signal list shows, and the system time in which they were believed.
   */
  'readmodel.stretches': {
    case_id: string;
    child_ref: string;
    gemeente: string;
    swv: string;
    start_on: string;
    end_on: string | null;
    mask: string;
    s_officieel: string | null;
    s_breed: string | null;
    s_leerrecht: string | null;
    s_geoorloofd_thuis: string | null;
    review_on: string | null;
    offer_kind: string | null;
    offer_since: string | null;
    /** The reason that began the current run of the phase (the breakdown `reden`). */
    reason: string | null;
    recorded_from: Date;
    recorded_to: Date | null;
  };
  /** Counted happenings of cases (and meetings: `subject_id` is the meeting id, no child). */
  'readmodel.occurrences': {
    subject_id: string;
    child_ref: string | null;
    gemeente: string | null;
    swv: string | null;
    kind: string;
    on_date: string;
    n: number;
    recorded_from: Date;
    recorded_to: Date | null;
  };
  'readmodel.checkpoints': { name: string; position: string };
  /** The region's time rules the read models were computed with (one row; config.ts `projectionSettings`). */
  'readmodel.settings': { settings: string };
  /** How many erasures changed the read models (one row); not derived from the log, so a rebuild keeps it. */
  'readmodel.erasures': { n: number };
}

export type ReadModelDb = Kysely<ReadModelTables>;
export const asReadModel = (db: Db) => db as unknown as ReadModelDb;

const initial: Migration = {
  async up(db) {
    await sql`create schema if not exists readmodel`.execute(db);
    await sql`create table readmodel.cases (
      case_id uuid primary key, child_ref text, gemeente text, swv text, sector text, birth_year integer,
      opened_on date, closed_on date, outcome text, status text not null, revision integer not null,
      last_recorded_at timestamptz not null)`.execute(db);
    await sql`create table readmodel.spells (
      case_id uuid not null, child_ref text not null, gemeente text not null, swv text not null, kind text not null,
      start_on date not null, end_on date, recorded_from timestamptz not null, recorded_to timestamptz,
      primary key (case_id, kind, start_on, recorded_from))`.execute(db);
    // A whole-region report reads a large part of the table (a sequential scan); a gemeente or swv scope uses these.
    await sql`create index spells_gemeente on readmodel.spells (gemeente, kind, start_on)`.execute(db);
    await sql`create index spells_swv on readmodel.spells (swv, kind, start_on)`.execute(db);
    await sql`create table readmodel.occurrences (
      subject_id uuid not null, child_ref text, gemeente text, swv text, kind text not null, on_date date not null,
      n smallint not null, recorded_from timestamptz not null, recorded_to timestamptz,
      primary key (subject_id, kind, on_date, n, recorded_from))`.execute(db);
    await sql`create index occurrences_kind on readmodel.occurrences (kind, on_date)`.execute(db);
    await sql`create table readmodel.checkpoints (name text primary key, position text not null)`.execute(db);
  },
};

const erasures: Migration = {
  async up(db) {
    await sql`create table readmodel.erasures (n bigint not null)`.execute(db);
    await sql`insert into readmodel.erasures values (0)`.execute(db);
  },
};

const lastEventOn: Migration = {
  async up(db) {
    await sql`alter table readmodel.cases add column last_event_on date`.execute(db);
  },
};

/**
 * Lookups the reports make besides the scoped spell scans of `initial`: one kind of spell over the whole region
 * (the signal list's base spells, besproken's `officieel_4w`), and the occurrences of one gemeente or swv.
 */
const reportIndexes: Migration = {
  async up(db) {
    await sql`create index spells_kind on readmodel.spells (kind, start_on)`.execute(db);
    await sql`create index occurrences_gemeente on readmodel.occurrences (gemeente, kind, on_date)`.execute(db);
    await sql`create index occurrences_swv on readmodel.occurrences (swv, kind, on_date)`.execute(db);
  },
};

/**
 * Figures v2: spells per kind become flag stretches (one bit mask per stretch of days, computed in TypeScript), the
 * occurrences gain the v2 kinds. The read models are emptied and the checkpoint dropped: they are projected again.
 */
const figuresV2: Migration = {
  async up(db) {
    await sql`drop table readmodel.spells`.execute(db);
    await sql`create table readmodel.stretches (
      case_id uuid not null, child_ref text not null, gemeente text not null, swv text not null,
      start_on date not null, end_on date, mask bigint not null,
      s_officieel date, s_breed date, s_leerrecht date, s_geoorloofd_thuis date,
      review_on date, offer_kind text, offer_since date,
      recorded_from timestamptz not null, recorded_to timestamptz,
      primary key (case_id, start_on, recorded_from))`.execute(db);
    await sql`create index stretches_gemeente on readmodel.stretches (gemeente, start_on)`.execute(db);
    await sql`create index stretches_swv on readmodel.stretches (swv, start_on)`.execute(db);
    await sql`create table readmodel.settings (settings text not null)`.execute(db);
    await sql`truncate readmodel.cases, readmodel.occurrences, readmodel.checkpoints`.execute(db);
  },
};

/** The meetings (a few per gemeente and month) apart from the millions of case occurrences: a report reads them all. */
const meetingIndex: Migration = {
  async up(db) {
    await sql`create index occurrences_meetings on readmodel.occurrences (on_date) where child_ref is null`.execute(db);
  },
};

/** The breakdown `reden` (interface.md "Breakdowns") reads a stretch's reason: the read models are projected again. */
const stretchReason: Migration = {
  async up(db) {
    await sql`alter table readmodel.stretches add column reason text`.execute(db);
    await sql`truncate readmodel.cases, readmodel.stretches, readmodel.occurrences, readmodel.checkpoints`.execute(db);
  },
};

/** Brings the read-model schema up to date. */
export async function migrateReadModels(db: Db): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: {
      getMigrations: async () => ({ '001_initial': initial, '002_erasures': erasures, '003_last_event_on': lastEventOn, '004_report_indexes': reportIndexes, '005_figures_v2': figuresV2, '006_meeting_index': meetingIndex, '007_stretch_reason': stretchReason }),
    },
    migrationTableSchema: 'readmodel',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/** The tables a rebuild empties (everything but the migrations bookkeeping). */
export const READ_MODEL_TABLES = ['readmodel.cases', 'readmodel.stretches', 'readmodel.occurrences', 'readmodel.checkpoints', 'readmodel.settings'] as const;

/**
 * Changes whenever the read models do: with every projected batch (the checkpoint) and every erasure. Figures
 * computed from the read models stay valid while it stays the same.
 */
export async function readModelVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ position: string | null; n: number }>`
    select (select position from readmodel.checkpoints where name = 'figures') as position, (select n from readmodel.erasures) as n`.execute(db);
  return `${rows[0].position ?? 'start'}|${rows[0].n}`;
}
