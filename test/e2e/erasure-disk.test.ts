// Erasure down to the disk: after POST /api/admin/erasures no file of the PGlite data dir (heap and index files,
// the WAL, the statistics, everything) holds the child's childRef, a case id or an event id of the child, as text
// or as the 16 bytes of a uuid column. On PostgreSQL (TEST_DATABASE_URL, when this process may read the server's
// data dir) the same for the database's own files; the server's WAL is shared and recycled (README, Erasure).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type PactEvent } from '@pact/events';
import { testApp, type TestApp } from '../support/app.ts';
import { caseStream, childRef, event, opened } from '../support/builders.ts';
import { freshPostgres, TEST_DATABASE_URL } from '../support/databases.ts';
import { randomHistory } from '../support/random-history.ts';

const NOW = new Date('2025-12-01T12:00:00Z');
const CHILD = childRef('een kind dat van de schijf moet');
const background = randomHistory({ seed: 43, cases: 40, gemeenten: ['GM0344'] });

function childEvents(): PactEvent[] {
  const [a, b] = [caseStream(), caseStream()];
  const o = opened(b, '2024-09-01', { childRef: CHILD });
  return [
    opened(a, '2024-01-10', { childRef: CHILD, phase: 'thuis', authorised: false }),
    event(a, 'PlanAgreed', { accountableRole: 'swv', planKind: 'onderwijs', reviewOn: '2024-04-01', effectiveOn: '2024-02-20' }),
    event(a, 'CaseClosed', { outcome: 'passend_aanbod', effectiveOn: '2024-05-01' }),
    o,
    event(b, 'EventRetracted', { retractedEventId: o.eventId, reason: 'verkeerd_kind', effectiveOn: '2024-09-02' }),
  ];
}

/** The child's traces as bytes: the childRef, and each case id and event id as text and as a uuid's 16 bytes. */
function needlesOf(events: PactEvent[]): { label: string; bytes: Buffer }[] {
  const ids = [...new Set(events.map((e) => e.stream.slice('case-'.length))), ...events.map((e) => e.eventId)];
  return [
    { label: 'childRef', bytes: Buffer.from(CHILD) },
    ...ids.flatMap((id) => [
      { label: `id ${id}`, bytes: Buffer.from(id) },
      { label: `id ${id} (uuid)`, bytes: Buffer.from(id.replace(/-/g, ''), 'hex') },
    ]),
  ];
}

/** Every file under `dir` holding one of the needles, with the bytes found. */
function filesHolding(dir: string, needles: { label: string; bytes: Buffer }[]): { file: string; label: string }[] {
  const found: { file: string; label: string }[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile()) {
        const content = fs.readFileSync(p);
        for (const n of needles) if (content.includes(n.bytes)) found.push({ file: path.relative(dir, p), label: n.label });
      }
    }
  };
  walk(dir);
  return found;
}

async function eraseThroughApi(t: TestApp): Promise<{ cases: number; events: number }> {
  const res = await t.app.request('/api/admin/erasures', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.token('admin')}` },
    body: JSON.stringify({ childRef: CHILD }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

/** Loads the log, views a case (audited with its id), samples statistics, and checkpoints: the child is in the files. */
async function prepared(t: TestApp, child: PactEvent[]): Promise<void> {
  await t.load([...background, ...child]);
  const viewed = await t.app.request(`/api/cases/${child[0].stream.slice('case-'.length)}`, { headers: { authorization: `Bearer ${await t.token('beleid', ['GM0344'])}` } });
  expect(viewed.status).toBe(200);
  await sql`analyze`.execute(t.runtime.db);
  await sql`checkpoint`.execute(t.runtime.db);
}

describe('erasure on the PGlite data dir', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-erase-disk-'));
  const child = childEvents();
  const needles = needlesOf(child);
  let t: TestApp;

  beforeAll(async () => {
    t = await testApp({ clock: () => NOW, database: await openPglite(dir) });
    await prepared(t, child);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the child in the files before (the grep works): heap, index and WAL', () => {
    const before = filesHolding(dir, needles);
    expect(before.some((h) => h.file.startsWith('base/'))).toBe(true);
    expect(before.some((h) => h.file.startsWith('pg_wal/'))).toBe(true);
    expect(before.some((h) => h.label === 'childRef')).toBe(true);
  });

  it('leaves no byte of the childRef, a case id or an event id in any file afterwards, also after closing', async () => {
    expect(await eraseThroughApi(t)).toEqual({ cases: 2, events: 5 });
    expect(filesHolding(dir, needles)).toEqual([]);
    const audit = await sql<{ line: string }>`select a::text as line from app.audit a`.execute(t.runtime.db);
    for (const n of needles.filter((x) => !x.label.endsWith('(uuid)'))) expect(audit.rows.some((r) => r.line.includes(n.bytes.toString()))).toBe(false);
    await t.close();
    expect(filesHolding(dir, needles)).toEqual([]);
    const bytes = filesHolding(dir, needles).length;
    console.log(`erasure on disk (PGlite): ${bytes} files with a byte of the child left in ${dir}`);
    t = await testApp({ clock: () => NOW, database: await openPglite(dir) }); // reopens: the data dir is whole
    expect((await t.runtime.store.readStream(child[0].stream)).length).toBe(0);
    expect((await t.runtime.store.readStream(background[0].stream)).length).toBeGreaterThan(0);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('erasure in the files of a PostgreSQL database', () => {
  const child = childEvents();
  const needles = needlesOf(child);
  let t: TestApp;
  let files: string | undefined;

  beforeAll(async () => {
    t = await testApp({ clock: () => NOW, database: await freshPostgres() });
    await prepared(t, child);
    try {
      const { rows } = await sql<{ dir: string; oid: number }>`select current_setting('data_directory') as dir, (select oid from pg_database where datname = current_database()) as oid`.execute(t.runtime.db);
      const base = path.join(rows[0].dir, 'base', String(rows[0].oid));
      fs.accessSync(base, fs.constants.R_OK);
      files = base;
    } catch {
      files = undefined; // not a superuser, or the server on another machine: the table scan of erasure.test.ts still runs
    }
  });
  afterAll(() => t.close());

  it("leaves no byte of the child in the database's heap and index files", async (ctx) => {
    if (!files) ctx.skip();
    expect(filesHolding(files!, needles).length).toBeGreaterThan(0);
    await eraseThroughApi(t);
    expect(filesHolding(files!, needles)).toEqual([]);
  });
});
