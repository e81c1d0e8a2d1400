// Crash safety: SIGKILL the projection at random moments during a rebuild; after each restart the read models
// equal a clean rebuild exactly (ordered table dumps). SIGKILL imports at random moments: the log holds the whole
// file or none of it. Fast variant here; `npm run test:hard` (PACT_HARD=1) runs the full counts: 20 kills during a
// rebuild of 200,000 events, 5 kills of an import of 200,000 events.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPglite } from '@pact/events';
import { ROOT, runCli } from '../support/cli.ts';
import { dumpReadModels } from '../support/dump.ts';
import { prng, randomHistory } from '../support/random-history.ts';

const HARD = process.env.PACT_HARD === '1';
const KILLS = HARD ? 20 : 3;
const IMPORT_KILLS = HARD ? 5 : 2;
const EVENTS = HARD ? 200_000 : 6_000;
const TIMEOUT = HARD ? 3_600_000 : 300_000;

/** Starts a CLI command and SIGKILLs it after `ms`; resolves with whether it was killed before it finished. */
function killAfter(args: string[], ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    // tsx runs the program in a child process: kill the whole process group, as a crash of the machine would.
    const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'backend/src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', EVENTSTORE_URL: '' },
      stdio: 'ignore',
      detached: true,
    });
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

async function withDatabase<T>(dataDir: string, fn: (db: Awaited<ReturnType<typeof openPglite>>['db']) => Promise<T>): Promise<T> {
  const database = await openPglite(path.join(dataDir, 'pglite'));
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

const eventCount = (dataDir: string) => withDatabase(dataDir, async (db) => (await sql<{ n: number }>`select count(*) as n from eventlog.events`.execute(db)).rows[0].n);
const writeEvents = (file: string, seed: number) =>
  fs.writeFileSync(file, randomHistory({ seed, cases: Math.ceil(EVENTS / 7), recorded: true }).slice(0, EVENTS).map((e) => JSON.stringify(e)).join('\n') + '\n');

/** How long a command takes to run to its end (to spread the kills over it). */
async function timed(args: string[]): Promise<number> {
  const started = Date.now();
  const result = await runCli(args);
  expect(result.code, result.stderr).toBe(0);
  return Date.now() - started;
}

describe('crash safety (embedded database)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-crash-'));
  const dataDir = path.join(dir, 'data');
  let clean: Record<string, string[]>;
  let rebuildMs: number;
  const checkpointOf = () => withDatabase(dataDir, async (db) => (await sql<{ position: string }>`select position from readmodel.checkpoints`.execute(db)).rows[0]?.position);
  beforeAll(async () => {
    const file = path.join(dir, 'events.ndjson');
    writeEvents(file, 99);
    await timed(['import', file, '--historical', '--data-dir', dataDir]);
    rebuildMs = await timed(['project', '--rebuild', '--data-dir', dataDir]);
    clean = await withDatabase(dataDir, dumpReadModels);
  }, TIMEOUT);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`survives ${KILLS} SIGKILLs during a rebuild of ${EVENTS} events: after restarting, the read models equal a clean rebuild`, async () => {
    const rng = prng(5);
    const done = await checkpointOf();
    // midway: the checkpoint was behind; whole: before the truncate or after the last batch; finished: not killed
    const outcome = { midway: 0, whole: 0, finished: 0 };
    for (let attempt = 0; outcome.midway + outcome.whole < KILLS && attempt < 3 * KILLS; attempt++) {
      // anywhere from the start of the process to near the end of a rebuild (which may run faster than the first)
      const killed = await killAfter(['project', '--rebuild', '--data-dir', dataDir], rng.int(500, Math.round(rebuildMs * 0.9)));
      outcome[!killed ? 'finished' : (await checkpointOf()) === done ? 'whole' : 'midway']++;
      const resumed = await runCli(['project', '--data-dir', dataDir]);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(await withDatabase(dataDir, dumpReadModels)).toEqual(clean);
    }
    console.log(
      `crash: ${outcome.midway + outcome.whole} SIGKILLs of a rebuild of ${EVENTS} events (a clean one took ${(rebuildMs / 1000).toFixed(0)} s): ` +
        `${outcome.midway} midway, ${outcome.whole} with the read models whole (before the truncate or after the last batch), ` +
        `${outcome.finished} more runs finished before their kill; read models equal to a clean rebuild after every restart`,
    );
    expect(outcome.midway + outcome.whole).toBe(KILLS);
    expect(outcome.midway).toBeGreaterThan(0);
  }, TIMEOUT);

  it(`leaves the log with all of an import of ${EVENTS} events or none of it, killed at ${IMPORT_KILLS} random moments`, async () => {
    const rng = prng(6);
    const first = path.join(dir, 'first.ndjson');
    writeEvents(first, 100);
    const importMs = await timed(['import', first, '--historical', '--data-dir', dataDir]);
    const outcome = { 'none of it': 0, 'all of it': 0 };
    for (let i = 0; i < IMPORT_KILLS; i++) {
      const file = path.join(dir, `import-${i}.ndjson`);
      writeEvents(file, 200 + i);
      const before = await eventCount(dataDir);
      // in the later part of an import's time (after the process started, while it checks and appends) and around its end
      await killAfter(['import', file, '--historical', '--data-dir', dataDir], rng.int(Math.round(importMs * 0.5), Math.round(importMs * 1.1)));
      const after = await eventCount(dataDir);
      expect([before, before + EVENTS]).toContain(after);
      outcome[after === before ? 'none of it' : 'all of it']++;
    }
    console.log(`crash: ${IMPORT_KILLS} SIGKILLs of an import of ${EVENTS} events (a whole one took ${(importMs / 1000).toFixed(0)} s): ${JSON.stringify(outcome)}; events lost or half-written: 0`);
    expect(outcome['none of it']).toBeGreaterThan(0);
  }, TIMEOUT);
});
