// Fuzzing `import`: seeded hostile files (test/support/hostile.ts) through the CLI's own path (`readNdjsonFile`,
// `importInputs`), each refused with exit code 1, every bad line named with its field and reason, identifying data
// never echoed, and the log position unchanged; a few through the real CLI as well. `npm run test:hard` tries
// 10,000 files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDate, openPglite, PostgresEventStore, type EventStore } from '@pact/events';
import { importInputs, readNdjsonFile } from '../../backend/src/cli/import.ts';
import { ingest } from '../../backend/src/ingest.ts';
import { runCli } from '../support/cli.ts';
import { hostileBatch, hostileLines, worldOf, type Hostile, type World } from '../support/hostile.ts';
import { prng, randomHistory, type Rng } from '../support/random-history.ts';

const HARD = process.env.PACT_HARD === '1';
const FILES = HARD ? 10_000 : 1_000;
const HUGE = HARD ? 10_000 : 2_000;
const NOW = new Date('2025-12-01T12:00:00Z');
const clock = () => NOW;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-fuzz-import-'));
let database: Awaited<ReturnType<typeof openPglite>>;
let store: EventStore;
let world: World;
const history = randomHistory({ seed: 31, cases: 80, gemeenten: ['GM0344', 'GM0307'] });

beforeAll(async () => {
  database = await openPglite();
  store = await PostgresEventStore.create(database.db, 'pglite', { clock });
  const loaded = await ingest(store, history.map((value, i) => ({ line: i + 1, value })), { clock });
  expect(loaded.ok).toBe(true);
  world = await worldOf(store, amsterdamDate(NOW), 'GM0344', 'GM0307');
});
afterAll(async () => {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One file's worth: a single hostile payload, several among valid lines, or one in a huge file. */
function hostileFile(rng: Rng): Hostile {
  const r = rng.next();
  if (r < 0.6) return hostileLines(rng, world);
  if (r < 0.98) return hostileBatch(rng, world, { parts: rng.int(1, 5), valid: 40 });
  return hostileBatch(rng, world, { parts: 1, valid: HUGE });
}

/** What is wrong with the CLI's answer to a hostile file (empty: nothing). */
function problemsOf(file: Hostile, code: number, stdout: string, stderr: string): string[] {
  if (code !== 1) return [`exit ${code}: ${stdout.slice(0, 200)} ${stderr.slice(0, 300)}`];
  const problems: string[] = [];
  if (stdout !== '') problems.push(`stdout: ${stdout.slice(0, 200)}`);
  if (!/Niets toegevoegd/.test(stderr)) problems.push(`no summary: ${stderr.slice(0, 300)}`);
  const reported = stderr.split('\n').filter((l) => l.startsWith('regel '));
  for (const l of reported) if (!/^regel \d+: \S.*: .{10,} \[[A-Z_]+\]$/.test(l)) problems.push(`unclear: ${l.slice(0, 300)}`);
  for (const b of file.bad) if (!reported.some((l) => l.startsWith(`regel ${b + 1}:`))) problems.push(`line ${b + 1} not named: ${stderr.slice(0, 300)}`);
  for (const l of reported) if (!file.bad.includes(Number(/^regel (\d+):/.exec(l)![1]) - 1)) problems.push(`a valid line named: ${l.slice(0, 300)}`);
  for (const b of file.privacy) if (!reported.some((l) => l.startsWith(`regel ${b + 1}:`) && l.includes('[PRIVACY_'))) problems.push(`line ${b + 1}: no privacy finding: ${stderr.slice(0, 300)}`);
  for (const secret of file.secrets) if (stderr.includes(secret)) problems.push('identifying data echoed');
  return problems;
}

describe('fuzzing import', () => {
  it(`refuses ${FILES} hostile files with exit code 1 and every bad line named, appending nothing`, async () => {
    const rng = prng(7);
    const head = await store.head();
    const file = path.join(dir, 'hostile.ndjson');
    const problems: string[] = [];
    const kinds: Record<string, number> = {};
    let rejected = 0;
    let lines = 0;
    for (let i = 0; i < FILES; i++) {
      const hostile = hostileFile(rng);
      kinds[hostile.kind] = (kinds[hostile.kind] ?? 0) + 1;
      lines += hostile.lines.length;
      fs.writeFileSync(file, hostile.lines.join(rng.chance(0.2) ? '\r\n' : '\n') + (rng.chance(0.5) ? '\n' : ''));
      const result = await importInputs(store, await readNdjsonFile(file), { historical: hostile.historical ?? false, clock });
      if (result.code === 1) rejected++;
      for (const problem of problemsOf(hostile, result.code, result.stdout, result.stderr)) problems.push(`#${i} ${hostile.kind}: ${problem}`);
      if ((await store.head()) !== head) {
        problems.push(`#${i} ${hostile.kind}: the log moved`);
        break;
      }
    }
    console.log(`fuzz import: ${FILES} files (${lines} lines) tried, ${rejected} rejected (exit 1), 0 crashes; by kind ${JSON.stringify(kinds)}`);
    expect(problems.slice(0, 20)).toEqual([]);
    expect(rejected).toBe(FILES);
  }, HARD ? 900_000 : 120_000);

  it('the real CLI exits 1 on hostile files and appends nothing', async () => {
    const rng = prng(8);
    const dataDir = path.join(dir, 'data');
    const valid = path.join(dir, 'valid.ndjson');
    fs.writeFileSync(valid, history.map((e) => JSON.stringify(e)).join('\n'));
    expect((await runCli(['import', valid, '--data-dir', dataDir])).code).toBe(0);
    for (const hostile of [hostileLines(rng, world), hostileBatch(rng, world, { parts: 3, valid: 40 }), hostileBatch(rng, world, { parts: 1, valid: 2_000 })]) {
      const file = path.join(dir, 'cli.ndjson');
      fs.writeFileSync(file, hostile.lines.join('\n'));
      const result = await runCli(['import', file, '--data-dir', dataDir, ...(hostile.historical ? ['--historical'] : [])]);
      expect(problemsOf(hostile, result.code ?? -1, result.stdout, result.stderr)).toEqual([]);
    }
    // nothing of them was appended: the valid file is all duplicates still, and nothing else is there
    expect(JSON.parse((await runCli(['import', valid, '--data-dir', dataDir])).stdout)).toEqual({ appended: 0, duplicates: history.length });
  });
});
