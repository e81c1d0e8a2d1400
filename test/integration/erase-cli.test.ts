// `npm run pact -- erase --child-ref R` through the real CLI on a data dir: the child's cases leave every table,
// the audit trail says who erased how much, and misuse is exit 2 without echoing what was given.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPglite } from '@pact/events';
import { caseStream, childRef, event, opened } from '../support/builders.ts';
import { runCli } from '../support/cli.ts';
import { tablesContaining } from '../support/dump.ts';
import { randomHistory } from '../support/random-history.ts';

const CHILD = childRef('erase through the command line');

describe('pact erase', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-erase-'));
  const dataDir = path.join(dir, 'data');
  const [a, b] = [caseStream(), caseStream()];
  const child = [
    opened(a, '2024-01-10', { childRef: CHILD }),
    event(a, 'PhaseChanged', { phase: 'thuis', authorised: false, effectiveOn: '2024-01-20' }),
    opened(b, '2024-09-01', { childRef: CHILD, gemeente: 'GM0307' }),
  ];
  const needles = [CHILD, a.slice(5), b.slice(5), ...child.map((e) => e.eventId)];

  beforeAll(async () => {
    const file = path.join(dir, 'events.ndjson');
    fs.writeFileSync(file, [...randomHistory({ seed: 61, cases: 40 }), ...child].map((e) => JSON.stringify(e)).join('\n'));
    expect((await runCli(['import', file, '--data-dir', dataDir])).code).toBe(0);
    expect((await runCli(['project', '--data-dir', dataDir])).code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is misuse without a childRef, or with something that is none, and does not echo it', async () => {
    expect((await runCli(['erase', '--data-dir', dataDir])).code).toBe(2);
    const bsn = await runCli(['erase', '--child-ref', '111222333', '--data-dir', dataDir]);
    expect(bsn.code).toBe(2);
    expect(bsn.stderr).toContain('--child-ref');
    expect(bsn.stderr).not.toContain('111222333');
  });

  it('erases every case of the child from the log and the read models, with an anonymous audit entry', async () => {
    const result = await runCli(['erase', '--child-ref', CHILD, '--data-dir', dataDir]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ cases: 2, events: child.length });
    const database = await openPglite(path.join(dataDir, 'pglite'));
    try {
      expect(await tablesContaining(database.db, needles)).toEqual([]);
      const { rows } = await sql<{ subject: string; role: string; params: unknown; target: string | null }>`
        select subject, role, params, target from app.audit where action = 'erase'`.execute(database.db);
      expect(rows).toEqual([{ subject: `cli:${os.userInfo().username}`, role: 'admin', params: { cases: 2, events: child.length }, target: null }]);
    } finally {
      await database.close();
    }
  });
});
