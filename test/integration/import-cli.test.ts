// `npm run pact -- import`: all or nothing, idempotent, bad lines named — through the real CLI on a data dir.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { randomHistory } from '../support/random-history.ts';

describe('pact import', () => {
  let dir: string;
  let file: string;
  let lines: string[];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-import-'));
    lines = randomHistory({ seed: 7, cases: 300 }).map((e) => JSON.stringify(e));
    file = path.join(dir, 'events.ndjson');
    fs.writeFileSync(file, lines.join('\n') + '\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const dataDir = () => ['--data-dir', path.join(dir, 'data')];

  it('appends every event of a valid file, and nothing the second time', async () => {
    const first = await runCli(['import', file, ...dataDir()]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ appended: lines.length, duplicates: 0 });
    const again = await runCli(['import', file, ...dataDir()]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ appended: 0, duplicates: lines.length });
  });

  it('appends nothing when one line in the middle is bad, and names that line, field and reason', async () => {
    const middle = Math.floor(lines.length / 2);
    const bad = JSON.parse(lines[middle]);
    bad.stream = bad.stream.replace('case-', 'meeting-').replace('meeting-', bad.type === 'MeetingHeld' ? 'case-' : 'meeting-');
    const fresh = randomHistory({ seed: 8, cases: 50 }).map((e) => JSON.stringify(e));
    fresh.splice(25, 0, JSON.stringify({ ...JSON.parse(fresh[0]), eventId: '6f1d1c39-0c0e-4a52-9f55-9d3c6c1a1b11', data: { ...JSON.parse(fresh[0]).data, phase: 'weg' } }));
    const badFile = path.join(dir, 'bad.ndjson');
    fs.writeFileSync(badFile, fresh.join('\n') + '\n');
    const result = await runCli(['import', badFile, ...dataDir()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('regel 26: data.phase: Ongeldige optie');
    expect(result.stderr).toContain('Niets toegevoegd: 1 regel afgekeurd.');
    // nothing of the file was appended: importing it without the bad line appends all of its events
    fs.writeFileSync(badFile, fresh.filter((_, i) => i !== 25).join('\n') + '\n');
    const good = await runCli(['import', badFile, ...dataDir()]);
    expect(JSON.parse(good.stdout)).toEqual({ appended: fresh.length - 1, duplicates: 0 });
  });

  it('rejects a BSN hidden in a field without echoing it, and a broken write rule with its code', async () => {
    const [openedLine] = lines;
    const opened = JSON.parse(openedLine);
    const stream = 'case-0b5f8e4e-2f0c-4d6e-8a52-31a5d8c0b001';
    const file2 = path.join(dir, 'privacy.ndjson');
    fs.writeFileSync(
      file2,
      [
        JSON.stringify({ ...opened, eventId: '0b5f8e4e-2f0c-4d6e-8a52-31a5d8c0b002', stream, data: { ...opened.data, childRef: '111222333' } }),
        JSON.stringify({ eventId: '0b5f8e4e-2f0c-4d6e-8a52-31a5d8c0b003', type: 'PlanEnded', stream, data: { outcome: 'mislukt', effectiveOn: opened.data.effectiveOn }, schemaVersion: 1 }),
        'niet json',
      ].join('\n'),
    );
    const result = await runCli(['import', file2, ...dataDir()]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('111222333');
    expect(result.stderr).toContain('regel 1: data.childRef: Privacy: deze waarde lijkt op een BSN');
    expect(result.stderr).toContain('regel 2: stream: Deze casus bestaat nog niet');
    expect(result.stderr).toContain('regel 3: (regel): Regel is geen geldige JSON');
  });

  it('is misuse (exit 2) without a file or with an unknown option', async () => {
    expect((await runCli(['import', ...dataDir()])).code).toBe(2);
    expect((await runCli(['import', file, '--historic', ...dataDir()])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
  });
});
