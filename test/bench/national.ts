// The national dataset (`pact generate`) through the whole program, each measure next to its reference
// measured in the same run on the same store:
// - import (validate + append, in chunks through `ingest`) next to raw 500-row INSERTs of the same rows;
// - projection rebuild (in a child process, for its peak RSS) next to raw 500-row INSERTs of the rows it wrote;
// - year and monthly report latency (one gemeente, the whole country) and export time next to a plain scan
//   of the stretches table.
// Sizes: BENCH_CHILDREN (default 20,000), BENCH_YEARS (5), BENCH_SEED (1); BENCH_STORES=PGlite,PostgreSQL picks stores.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openPglite, openPostgres, PostgresEventStore, type Db, type OpenDatabase, type PactEvent } from '@pact/events';
import { DEFAULT_CONFIG, monthlyReport, Projector, yearReport, type ReportOptions } from '@pact/projections';
import { ingest, type IngestInput } from '../../backend/src/ingest.ts';
import { presentMonthlyReport, presentYearReport } from '../../backend/src/reports/present.ts';
import { reportCsv } from '../../backend/src/reports/files.ts';
import { monthlyTable } from '../../backend/src/reports/tables.ts';
import { nationalEvents, type NationalOptions } from '../../backend/src/simulator/national.ts';
import { BENCH_DATABASE_URL, rate, ratio, timed, type ResultRow, type Target } from './support.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHUNK = 20_000;
const RAW_ROWS = 500;
/** The clock of the whole run: after every generated recordedAt. */
export const NOW = new Date('2026-11-23T12:00:00.000Z');

export interface NationalSizes {
  children: number;
  years: number;
  seed: string;
}

export const nationalSizes = (env = process.env): NationalSizes => ({
  children: Number(env.BENCH_CHILDREN ?? 20_000),
  years: Number(env.BENCH_YEARS ?? 5),
  seed: env.BENCH_SEED ?? '1',
});

/** A database that can be closed and opened again (the rebuild runs in another process). */
interface Place {
  name: Target['name'];
  open(): Promise<OpenDatabase>;
  childArgs: string[];
  drop(): Promise<void>;
}

/** A statement on the server's maintenance database (create or drop a database). */
async function admin(text: string) {
  const server = openPostgres(BENCH_DATABASE_URL, { max: 1 });
  try {
    await sql.raw(text).execute(server.db);
  } finally {
    await server.close();
  }
}

async function place(name: Target['name']): Promise<Place> {
  if (name === 'PGlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-bench-national-'));
    return { name, open: () => openPglite(dir), childArgs: ['pglite', dir], drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const db = `pact_bench_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${db}`);
  const url = new URL(BENCH_DATABASE_URL);
  url.pathname = `/${db}`;
  return { name, open: async () => openPostgres(url.toString()), childArgs: ['postgres', url.toString()], drop: () => admin(`drop database if exists ${db} with (force)`) };
}

const options = (sizes: NationalSizes): NationalOptions => ({ ...sizes, now: NOW.toISOString() });

/** Imports the national stream through `ingest` in chunks of 20,000 lines; only the ingest calls are timed. */
export async function importNational(db: OpenDatabase, sizes: NationalSizes): Promise<{ events: number; ms: number }> {
  const store = await PostgresEventStore.create(db.db, db.kind, { clock: () => NOW });
  let inputs: IngestInput[] = [];
  let events = 0;
  let ms = 0;
  const flush = async () => {
    const started = performance.now();
    const result = await ingest(store, inputs, { historical: true, clock: () => NOW });
    ms += performance.now() - started;
    if (!result.ok) throw new Error(`national import rejected: ${JSON.stringify('errors' in result ? result.errors.slice(0, 3) : result.conflict.message)}`);
    inputs = [];
  };
  for (const batch of nationalEvents(options(sizes))) {
    for (const value of batch) {
      inputs.push({ line: ++events, value });
      if (inputs.length >= CHUNK) await flush();
    }
  }
  if (inputs.length > 0) await flush();
  return { events, ms };
}

/** The reference for import: the same rows into a copy of the event table, 500 per INSERT … VALUES, a transaction per 20,000. */
async function rawEvents(db: Db, sizes: NationalSizes): Promise<number> {
  await sql`create schema if not exists bench_raw`.execute(db);
  await sql`create table bench_raw.events (like eventlog.events including all)`.execute(db);
  const revisions = new Map<string, number>();
  let rows: PactEvent[] = [];
  let ms = 0;
  const flush = async () => {
    const values = rows.map((e) => {
      const revision = (revisions.get(e.stream) ?? -1) + 1;
      revisions.set(e.stream, revision);
      return sql`(${e.eventId}::uuid, ${e.stream}, ${revision}, ${e.type}, ${JSON.stringify(e.data)}::jsonb, ${e.recordedAt}::timestamptz, ${e.schemaVersion})`;
    });
    const started = performance.now();
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < values.length; i += RAW_ROWS) {
        await sql`insert into bench_raw.events (event_id, stream, revision, type, data, recorded_at, schema_version) values ${sql.join(values.slice(i, i + RAW_ROWS))}`.execute(trx);
      }
    });
    ms += performance.now() - started;
    rows = [];
  };
  for (const batch of nationalEvents(options(sizes))) {
    for (const e of batch) {
      rows.push(e);
      if (rows.length >= CHUNK) await flush();
    }
  }
  if (rows.length > 0) await flush();
  await sql`drop schema bench_raw cascade`.execute(db);
  return ms;
}

/** The rebuild in a child process: its time, events and peak RSS. */
function rebuildInChild(args: string[]): Promise<{ events: number; ms: number; maxRssKb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'test/bench/rebuild-child.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`rebuild child exited with ${code}`))));
  });
}

/**
 * The reference for the rebuild: the rows it wrote (stretches, occurrences, cases), read back in slices and
 * inserted into copies of their tables, 500 per INSERT … VALUES; only the inserts are timed.
 */
async function rawReadModel(db: Db): Promise<{ rows: number; ms: number }> {
  await sql`create schema if not exists bench_raw`.execute(db);
  const tables = [
    { name: 'stretches', key: 'case_id' },
    { name: 'occurrences', key: 'subject_id' },
    { name: 'cases', key: 'case_id' },
  ];
  let rows = 0;
  let ms = 0;
  for (const { name, key } of tables) {
    await sql.raw(`create table bench_raw.${name} (like readmodel.${name} including all)`).execute(db);
    const { rows: cols } = await sql<{ column_name: string }>`
      select column_name from information_schema.columns where table_schema = 'readmodel' and table_name = ${name} order by ordinal_position`.execute(db);
    const columns = cols.map((c) => c.column_name);
    for (let slice = 0; slice < 256; slice++) {
      const lo = `${slice.toString(16).padStart(2, '0')}000000-0000-0000-0000-000000000000`;
      const hi = slice === 255 ? null : `${(slice + 1).toString(16).padStart(2, '0')}000000-0000-0000-0000-000000000000`;
      const { rows: data } = await sql<Record<string, unknown>>`
        select * from ${sql.table(`readmodel.${name}`)} where ${sql.ref(key)} >= ${lo}::uuid ${hi ? sql`and ${sql.ref(key)} < ${hi}::uuid` : sql``}`.execute(db);
      if (data.length === 0) continue;
      const values = data.map((r) => sql`(${sql.join(columns.map((c) => sql`${r[c]}`))})`);
      const started = performance.now();
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < values.length; i += RAW_ROWS) {
          await sql`insert into ${sql.table(`bench_raw.${name}`)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(values.slice(i, i + RAW_ROWS))}`.execute(trx);
        }
      });
      ms += performance.now() - started;
      rows += data.length;
    }
  }
  await sql`drop schema bench_raw cascade`.execute(db);
  return { rows, ms };
}

/** Median of `n` runs (after one warm-up run). */
async function median(fn: () => Promise<unknown>, n = 3): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
}

const ms = (x: number) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const mb = (kb: number) => `${Math.round(kb / 1024).toLocaleString('en-US')} MB`;

export interface NationalResult {
  rows: ResultRow[];
  sizes: { events: number; cases: number; children: number; stretches: number; occurrences: number };
}

export async function benchNational(targets: Target[], sizes: NationalSizes, log: (line: string) => void = console.log): Promise<NationalResult> {
  const rows: ResultRow[] = [];
  let datasetSizes: NationalResult['sizes'] = { events: 0, cases: 0, children: 0, stretches: 0, occurrences: 0 };
  const label = `${sizes.children.toLocaleString('en-US')} children × ${sizes.years} years`;
  const runner = createHash('sha256').update(fs.readFileSync(path.join(ROOT, 'projections/src/runner.ts'))).digest('hex').slice(0, 12);
  log(`national: ${label}; projections/src/runner.ts sha256 ${runner}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${new Date().toISOString()}`);
  const only = process.env.BENCH_STORES?.split(',');
  for (const target of targets.filter((t) => !only || only.includes(t.name))) {
    const where = await place(target.name);
    try {
      let db = await where.open();
      log(`[${target.name}] import …`);
      const imported = await importNational(db, sizes);
      log(`[${target.name}] ${imported.events} events imported in ${ms(imported.ms)}; raw INSERT reference …`);
      const rawImport = await rawEvents(db.db, sizes);
      rows.push({ measure: `import national (${imported.events.toLocaleString('en-US')} events)`, store: target.name, value: rate(imported.events, imported.ms), reference: `raw INSERT ${rate(imported.events, rawImport)}`, ratio: ratio(rawImport, imported.ms), target: '≥ 50%' });
      await db.close();

      log(`[${target.name}] rebuild (child process) …`);
      const rebuilt = await rebuildInChild(where.childArgs);
      db = await where.open();
      const count = async (q: string) => Number((await sql.raw<{ n: number }>(q).execute(db.db)).rows[0].n);
      datasetSizes = {
        events: imported.events,
        cases: await count('select count(*) as n from readmodel.cases'),
        children: await count('select count(distinct child_ref) as n from readmodel.cases'),
        stretches: await count('select count(*) as n from readmodel.stretches'),
        occurrences: await count('select count(*) as n from readmodel.occurrences'),
      };
      log(`[${target.name}] rebuilt ${rebuilt.events} events in ${ms(rebuilt.ms)}, max RSS ${mb(rebuilt.maxRssKb)}; raw INSERT reference …`);
      const raw = await rawReadModel(db.db);
      rows.push({ measure: `rebuild projections (${raw.rows.toLocaleString('en-US')} rows)`, store: target.name, value: rate(rebuilt.events, rebuilt.ms) + ' events', reference: `raw INSERT ${rate(raw.rows, raw.ms)} rows`, ratio: ratio(raw.ms, rebuilt.ms), target: '≥ 40%' });
      rows.push({ measure: 'rebuild peak memory (max RSS)', store: target.name, value: mb(rebuilt.maxRssKb), reference: '', ratio: '', target: '< 2 GB' });

      log(`[${target.name}] reports …`);
      const scan = await median(() => sql`select count(*), max(end_on) from readmodel.stretches`.execute(db.db));
      const reportOptions = (gemeente?: string): ReportOptions => ({ profile: 'officieel', scope: gemeente ? { gemeente } : {}, now: NOW, config: DEFAULT_CONFIG });
      const year = '2023-2024';
      // as the rebuild leaves the tables: no planner statistics yet (PGlite never runs autovacuum)
      const cold = await timed(() => yearReport(db.db, year, reportOptions()));
      rows.push({ measure: 'year report, whole country, before ANALYZE', store: target.name, value: ms(cold.ms), reference: `scan stretches ${ms(scan)}`, ratio: ratio(scan, cold.ms) });
      await sql`analyze`.execute(db.db);
      const measures: [string, () => Promise<unknown>, string?][] = [
        ['year report, whole country', () => yearReport(db.db, year, reportOptions()), '< 1 s'],
        ['year report, one gemeente (GM0344)', () => yearReport(db.db, year, reportOptions('GM0344'))],
        ['monthly report (12 months), whole country', () => monthlyReport(db.db, '2023-08', '2024-07', reportOptions())],
        ['monthly report (12 months), one gemeente', () => monthlyReport(db.db, '2023-08', '2024-07', reportOptions('GM0344'))],
        ['export year CSV, whole country', async () => reportCsv(presentYearReport(await yearReport(db.db, year, reportOptions()), 'small-numbers'), NOW, true)],
        ['export monthly CSV, whole country', async () => reportCsv(presentMonthlyReport(await monthlyReport(db.db, '2023-08', '2024-07', reportOptions()), 'small-numbers'), NOW, true)],
        [
          'export monthly xlsx, whole country',
          async () => {
            const { tableXlsx } = await import('../../backend/src/exports/xlsx.ts');
            const report = presentMonthlyReport(await monthlyReport(db.db, '2023-08', '2024-07', reportOptions()), 'small-numbers');
            return tableXlsx(monthlyTable(report, NOW, report.suppressed.length > 0), 'Maandcijfers', NOW);
          },
        ],
      ];
      for (const [measure, fn, goal] of measures) {
        const t = await median(fn);
        rows.push({ measure, store: target.name, value: ms(t), reference: `scan stretches ${ms(scan)}`, ratio: ratio(scan, t), ...(goal ? { target: goal } : {}) });
      }
      await db.close();
    } finally {
      await where.drop();
    }
  }
  log(`dataset (${label}): ${JSON.stringify(datasetSizes)}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${new Date().toISOString()}`);
  return { rows, sizes: datasetSizes };
}
