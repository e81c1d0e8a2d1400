// The region's suppressionK (metrics.md, region configuration) decides what a small number is, everywhere the
// public roles read: with k = 10 a raadslid sees no count of 1 to 9 in the JSON and `<10` in the CSV, while beleid
// sees the same figures whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, metricById } from '@pact/projections';
import { demoEvents } from '../../backend/src/simulator/demo.ts';
import { testApp, type TestApp } from '../support/app.ts';

const NOW = new Date('2026-11-23T12:00:00Z');
let t: TestApp;
let raad: string;
let beleid: string;

const get = (path: string, token: string) => t.app.request(path, { headers: { authorization: `Bearer ${token}` } });
const counts = (id: string) => ['kinderen', 'casussen'].includes(metricById.get(id)?.unit ?? '');

beforeAll(async () => {
  t = await testApp({ clock: () => NOW, config: { region: { ...DEFAULT_CONFIG, suppressionK: 10 } } });
  await t.load(demoEvents({ now: NOW.toISOString() }));
  raad = await t.token('raad', ['GM0344']);
  beleid = await t.token('beleid', ['GM0344']);
  await t.publications.publish({ gemeente: 'GM0344' }, 'test', NOW);
}, 600_000);
afterAll(() => t.close());

describe('suppressionK = 10', () => {
  it('hides every count of 1 to 9 from the raad and only those (with their complements), and marks them <10 in the CSV', async () => {
    const path = '/api/reports/monthly?from=2023-08&to=2024-07&gemeente=GM0344';
    type Row = { month: string; metrics: Record<string, number | null>; suppressed: string[]; complementary: string[] };
    const whole = (await (await get(path, beleid)).json()) as { rows: Row[] };
    const shown = (await (await get(path, raad)).json()) as { rows: Row[]; config: { suppressionK: number } };
    expect(shown.config.suppressionK).toBe(10);
    let between5and9 = 0;
    whole.rows.forEach((w, i) => {
      const s = shown.rows[i];
      for (const [id, v] of Object.entries(w.metrics)) {
        if (!counts(id) || v === null) continue;
        if (v >= 1 && v <= 9) expect([w.month, id, s.metrics[id]]).toEqual([w.month, id, null]);
        if (v >= 5 && v <= 9) between5and9++;
        if (s.metrics[id] !== null) expect(v === 0 || v >= 10).toBe(true);
        if (s.suppressed.includes(id) && !s.complementary.includes(id)) expect(v).toBeLessThan(10);
      }
    });
    expect(between5and9).toBeGreaterThan(0); // counts that k = 5 would have shown

    const csv = await (await get(`${path}&format=csv`, raad)).text();
    expect(csv).toContain('<10');
    expect(csv).not.toContain('<5');
    expect(csv).toContain('een aantal van 1 tot en met 9');
  });
});
