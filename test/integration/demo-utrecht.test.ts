// The demo region "Utrecht (fictief)" through the whole pipeline: simulator → ingest (the validation of an
// import) → projections → year report. The four published Utrecht figures for 2023-2024 must come out of
// the real projections, exactly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CALIBRATION, DEMO_REGION, demoEvents } from '../../backend/src/simulator/demo.ts';
import { runCli } from '../support/cli.ts';
import { databaseKinds } from '../support/databases.ts';
import { openScenario } from '../support/scenario.ts';
import { startServer } from '../support/server.ts';

const NOW = '2026-11-23T12:00:00.000Z';
const PUBLISHED = { lrv_totaal: 215, lrv_3m: 185, av_totaal: 148, av_3m: 116 };

describe.each(databaseKinds)('demo region Utrecht (fictief) on $name', (kind) => {
  it('reproduces the published figures of 2023-2024 (officieel) through import, projections and report', async () => {
    expect(DEMO_CALIBRATION.figures).toEqual(PUBLISHED);
    const scenario = await openScenario(kind, demoEvents({ now: NOW }), { now: NOW });
    try {
      for (const scope of [{}, { gemeente: DEMO_REGION.code }]) {
        const { metrics } = await scenario.year('2023-2024', { profile: 'officieel', scope });
        expect({ lrv_totaal: metrics.lrv_totaal, lrv_3m: metrics.lrv_3m, av_totaal: metrics.av_totaal, av_3m: metrics.av_3m }).toEqual(PUBLISHED);
      }
      // and the rest looks like a pact region: more children out of school than the official count sees,
      // most plans within three months, the overleggen held (now and then a month missed), drang en dwang
      const { metrics: m, previous } = await scenario.year('2023-2024');
      expect(m.verborgen_totaal!).toBeGreaterThan(m.thuiszitters_totaal!);
      expect(m.verborgen!).toBeGreaterThan(m.thuiszitters!);
      expect(m.geoorloofd_aandeel!).toBeGreaterThan(0.2);
      expect(m.plan_binnen_3m_aandeel!).toBeGreaterThan(0.5);
      expect(m.norm_overschreden!).toBeGreaterThan(0);
      expect(m.overleg_maanden!).toBeGreaterThanOrEqual(11);
      expect(m.kernpartner_overleggen!).toBeGreaterThanOrEqual(5);
      expect(m.oogo_overleggen).toBe(1);
      expect(m.drang_dwang!).toBeGreaterThan(0.2 * m.thuiszitters_totaal!);
      expect(m.herhaald!).toBeGreaterThan(0);
      expect(m.wachtlijst!).toBeGreaterThan(0);
      expect(m.vrijstelling_5a!).toBeGreaterThan(0);
      // rising, as in Utrecht
      expect(previous!.metrics.lrv_totaal!).toBeLessThan(m.lrv_totaal!);
      // late registrations: on the last day of the school year not every case of it was known yet
      const then = await scenario.year('2023-2024', { asOf: '2024-07-31T23:00:00Z' });
      expect(then.metrics.instroom_cases!).toBeLessThan(m.instroom_cases!);
    } finally {
      await scenario.close();
    }
  });
});

describe('loading the demo', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-demo-'));
  const dataDir = path.join(dir, 'data');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('npm start loads it into an empty data dir; `pact demo` on the same data dir then appends nothing', async () => {
    const server = await startServer({ PACT_DATA_DIR: dataDir, PACT_DEMO: '1' }, 180_000); // the first start also projects and publishes the demo
    try {
      const health = (await (await fetch(`${server.url}/api/health`)).json()) as { eventStore: { position: string } };
      expect(health.eventStore.position).not.toBe('start');
      expect(server.output()).toContain('Demoregio Utrecht (fictief) geladen');
    } finally {
      expect(await server.stop('SIGTERM')).toBe(0);
    }
    const again = await runCli(['demo', '--data-dir', dataDir]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    const result = JSON.parse(again.stdout);
    expect(result.appended).toBe(0);
    expect(result.duplicates).toBe(demoEvents({ now: NOW }).length);
  });
});
