// `npm run fixtures`: the real API answers of the demo region that the dashboard's pure transforms are tested on
// (frontend/src/data/fixtures/), made anew through the app in-process on a fixed clock. Run it after a change of a
// response shape or a figure, and look at the diff.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadDemo } from '../../backend/src/simulator/demo.ts';
import { testApp } from './app.ts';

const NOW = new Date('2025-09-01T10:00:00Z');
const OUT = path.resolve(import.meta.dirname, '../../frontend/src/data/fixtures');

const t = await testApp({ clock: () => NOW });
try {
  const loaded = await loadDemo(t.runtime);
  if (!loaded.ok) throw new Error('the demo region did not load');
  await t.projector.catchUp();
  const beleid = await t.token('beleid', ['GM0344']);
  const raad = await t.token('raad', ['GM0344']);
  const get = async (token: string, url: string) => {
    const res = await t.app.request(url, { headers: { authorization: `Bearer ${token}` } });
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const write = (name: string, value: unknown) => writeFileSync(path.join(OUT, name), `${JSON.stringify(value, null, 2)}\n`);

  write('year-officieel.json', await get(beleid, '/api/reports/year?year=2024-2025&gemeente=GM0344'));
  write('year-breed.json', await get(beleid, '/api/reports/year?year=2024-2025&gemeente=GM0344&profile=breed'));
  write('year-leerrecht.json', await get(beleid, '/api/reports/year?year=2024-2025&gemeente=GM0344&profile=leerrecht'));
  write('year-raad.json', await get(raad, '/api/reports/year?year=2024-2025&gemeente=GM0344'));
  write('year-after-demo.json', await get(raad, '/api/reports/year?year=2025-2026&gemeente=GM0344'));
  write('monthly-raad.json', await get(raad, '/api/reports/monthly?from=2024-08&to=2025-07&gemeente=GM0344'));
  write('metrics.json', await get(beleid, '/api/metrics'));
  write('config.json', await get(beleid, '/api/config'));

  // The signal list on 2025-03-03, cut to two cases of every level and group (the transforms need no more).
  const list = (await get(beleid, '/api/signals?on=2025-03-03&gemeente=GM0344')) as { signals: { group: string; level: string; plan: unknown }[] };
  const kinds = [...new Set(list.signals.map((s) => `${s.group}/${s.level}`))];
  write('signals.json', { ...list, signals: kinds.flatMap((k) => list.signals.filter((s) => `${s.group}/${s.level}` === k).slice(0, 2)) });

  // One case as the case page shows it: at home on 2025-07-31, with a plan and on the diagnostiek list.
  const candidates = (await get(beleid, '/api/signals?on=2025-07-31&gemeente=GM0344')) as { signals: { caseId: string; plan: unknown; waitlists: string[] }[] };
  const chosen = candidates.signals.find((s) => s.plan !== null && s.waitlists.includes('diagnostiek')) ?? candidates.signals[0];
  write('case.json', await get(beleid, `/api/cases/${chosen.caseId}?on=2025-07-31`));
  console.log(`fixtures written to ${OUT}`);
} finally {
  await t.close();
}
