// `npm run pact -- generate`: a national dataset as NDJSON on stdout, the same for the same seed, that
// `import --historical` accepts whole and `report` reports on.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';

describe('pact generate', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-generate-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('streams valid NDJSON for all gemeenten that import accepts, deterministic for a seed', async () => {
    const args = ['generate', '--children', '300', '--years', '1', '--seed', '5'];
    const first = await runCli(args);
    expect(first.code).toBe(0);
    const lines = first.stdout.trimEnd().split('\n');
    const events = lines.map((l) => JSON.parse(l));
    const summary = JSON.parse(first.stderr.trim().split('\n').at(-1)!);
    expect(summary).toMatchObject({ children: 300, years: 1, gemeenten: 342, events: lines.length });
    expect(new Set(events.filter((e) => e.type === 'MeetingHeld').map((e) => e.data.gemeente)).size).toBe(342);
    expect(new Set(events.filter((e) => e.type === 'CaseOpened').map((e) => e.data.childRef)).size).toBeGreaterThan(250);

    const second = await runCli(args);
    expect(second.stdout).toBe(first.stdout);

    const file = path.join(dir, 'nl.ndjson');
    fs.writeFileSync(file, first.stdout);
    const dataDir = ['--data-dir', path.join(dir, 'data')];
    const imported = await runCli(['import', file, '--historical', ...dataDir]);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toEqual({ appended: lines.length, duplicates: 0 });
    const report = await runCli(['report', '--year', '2024-2025', '--gemeente', 'GM0363', ...dataDir]);
    expect(report.code).toBe(0);
    expect(JSON.parse(report.stdout).metrics.instroom_cases).toBeGreaterThan(0);
  });

  it('is misuse (exit 2) with a bad number', async () => {
    expect((await runCli(['generate', '--children', 'veel'])).code).toBe(2);
  });
});
