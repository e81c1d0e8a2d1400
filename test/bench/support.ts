// Shared parts of `npm run bench`: the stores to measure on, timing, and the result table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type OpenDatabase } from '@pact/events';

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export interface Target {
  name: 'PGlite' | 'PostgreSQL';
  /** A fresh, empty database. */
  fresh(): Promise<OpenDatabase>;
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function adminQuery(text: string) {
  const client = new pg.Client({ connectionString: BENCH_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function targets(): Promise<Target[]> {
  const list: Target[] = [
    {
      name: 'PGlite',
      async fresh() {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-bench-'));
        const opened = await openPglite(dir);
        return { ...opened, close: async () => (await opened.close(), fs.rmSync(dir, { recursive: true, force: true })) };
      },
    },
  ];
  if (await postgresReachable()) {
    list.push({
      name: 'PostgreSQL',
      async fresh() {
        const name = `pact_bench_${randomBytes(4).toString('hex')}`;
        await adminQuery(`create database ${name}`);
        const url = new URL(BENCH_DATABASE_URL);
        url.pathname = `/${name}`;
        const opened = openPostgres(url.toString());
        return { ...opened, close: async () => (await opened.close(), await adminQuery(`drop database if exists ${name} with (force)`)) };
      },
    });
  } else {
    console.log(`(PostgreSQL op ${BENCH_DATABASE_URL} niet bereikbaar: alleen PGlite)`);
  }
  return list;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export interface ResultRow {
  measure: string;
  store: string;
  value: string;
  reference: string;
  ratio: string;
  target?: string;
}

export const rate = (count: number, ms: number) => `${Math.round((count / ms) * 1000).toLocaleString('en-US')} /s`;
export const ratio = (a: number, b: number) => `${Math.round((a / b) * 100)}%`;

export function printTable(rows: ResultRow[]): string {
  const header = ['measure', 'store', 'value', 'reference', 'ratio', 'target'];
  const cells = [header, ...rows.map((r) => [r.measure, r.store, r.value, r.reference, r.ratio, r.target ?? ''])];
  const widths = header.map((_, i) => Math.max(...cells.map((c) => c[i].length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line([r.measure, r.store, r.value, r.reference, r.ratio, r.target ?? '']))].join('\n');
}
