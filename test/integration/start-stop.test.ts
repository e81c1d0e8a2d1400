// `npm start` on the embedded default: a clean stop on SIGTERM/SIGINT leaves the data dir usable.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { randomHistory } from '../support/random-history.ts';
import { startServer } from '../support/server.ts';

describe('npm start and a clean stop', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-start-'));
  const dataDir = path.join(dir, 'data');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const health = async (url: string): Promise<any> => (await fetch(`${url}/api/health`)).json();

  it('starts on an empty data dir, stops on SIGTERM, and finds everything again after an import', async () => {
    const first = await startServer({ PACT_DATA_DIR: dataDir });
    expect(await health(first.url)).toMatchObject({ status: 'ok', eventStore: { kind: 'pglite', reachable: true, position: 'start' }, database: { reachable: true } });
    // the data dir is locked while the server runs
    const empty = path.join(dir, 'empty.ndjson');
    fs.writeFileSync(empty, '');
    const locked = await runCli(['import', empty, '--data-dir', dataDir]);
    expect(locked.stderr).toContain('is in gebruik door proces');
    expect(await first.stop('SIGTERM')).toBe(0);

    const events = randomHistory({ seed: 3, cases: 40 });
    const file = path.join(dir, 'events.ndjson');
    fs.writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n'));
    const imported = await runCli(['import', file, '--data-dir', dataDir]);
    expect(JSON.parse(imported.stdout)).toEqual({ appended: events.length, duplicates: 0 });

    const second = await startServer({ PACT_DATA_DIR: dataDir });
    const position = (await health(second.url)).eventStore.position;
    expect(position).toMatch(/^\d+:\d+$/);
    expect(await second.stop('SIGINT')).toBe(0);

    const third = await startServer({ PACT_DATA_DIR: dataDir });
    expect((await health(third.url)).eventStore.position).toBe(position);
    expect(await third.stop('SIGTERM')).toBe(0);
    const again = await runCli(['import', file, '--data-dir', dataDir]);
    expect(JSON.parse(again.stdout)).toEqual({ appended: 0, duplicates: events.length });
  });
});
