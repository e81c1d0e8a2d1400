// Crash safety: SIGKILL the projection at random moments during a rebuild; after each restart the read models
// equal a clean rebuild exactly. SIGKILL an import midway: the log holds the whole file or none of it.
// Fast variant here; `npm run test:hard` runs the full counts (PACT_HARD=1: 20 kills, 200,000 events).
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
const EVENTS = HARD ? 200_000 : 6_000;

/** Starts a CLI command and SIGKILLs it after `ms`; resolves with whether it was killed before finishing. */
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

async function dumpOf(dataDir: string) {
  const database = await openPglite(path.join(dataDir, 'pglite'));
  try {
    return await dumpReadModels(database.db);
  } finally {
    await database.close();
  }
}

async function eventCount(dataDir: string): Promise<number> {
  const database = await openPglite(path.join(dataDir, 'pglite'));
  try {
    const { rows } = await sql<{ n: number }>`select count(*) as n from eventlog.events`.execute(database.db);
    return rows[0].n;
  } finally {
    await database.close();
  }
}

describe('crash safety (embedded database)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-crash-'));
  const dataDir = path.join(dir, 'data');
  const file = path.join(dir, 'events.ndjson');
  let clean: Record<string, string[]>;
  beforeAll(async () => {
    const events = randomHistory({ seed: 99, cases: Math.ceil(EVENTS / 7), recorded: true }).slice(0, EVENTS);
    fs.writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const imported = await runCli(['import', file, '--historical', '--data-dir', dataDir]);
    expect(imported.code, imported.stderr).toBe(0);
    expect((await runCli(['project', '--rebuild', '--data-dir', dataDir])).code).toBe(0);
    clean = await dumpOf(dataDir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`survives ${KILLS} SIGKILLs during a rebuild: after restarting, the read models equal a clean rebuild`, async () => {
    const rng = prng(5);
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      // between the start of the process and the end of a rebuild (opening takes ~1.5 s)
      if (await killAfter(['project', '--rebuild', '--data-dir', dataDir], rng.int(1500, HARD ? 30_000 : 6000))) killed++;
      const resumed = await runCli(['project', '--data-dir', dataDir]);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(await dumpOf(dataDir)).toEqual(clean);
    }
    expect(killed).toBeGreaterThan(0);
  });

  it('an import killed midway leaves the log with all of the file or none of it', async () => {
    const before = await eventCount(dataDir);
    const more = randomHistory({ seed: 100, cases: Math.ceil(EVENTS / 7), recorded: true }).slice(0, EVENTS);
    const second = path.join(dir, 'more.ndjson');
    fs.writeFileSync(second, more.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const killed = await killAfter(['import', second, '--historical', '--data-dir', dataDir], 2500);
    const after = await eventCount(dataDir);
    expect([before, before + more.length]).toContain(after);
    expect(killed || after === before + more.length).toBe(true);
  });
});
