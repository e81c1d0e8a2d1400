// `report`, `monthly` and `signals` from the command line give exact figures: a small history imported with
// `pact import`, every expected value computed by hand from metrics.md v2. Also `--role` (suppression as that role
// gets it, refusals) and `--format csv|xlsx`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseStream, event, opened } from '../support/builders.ts';
import { runCli } from '../support/cli.ts';

// A: enrolled, at home unauthorised from 2023-09-04 (LRV from 10-02, 2 months 11-04, 3 months 12-04), no plan.
const A = caseStream();
// B: not enrolled (AV) from 2023-10-02 (2 months 12-02, 3 months 2024-01-02), plan from 2023-11-01 (review 2024-01-15,
//    verlopen from 01-16), never an offer; closed 2024-03-01 (passend aanbod).
const B = caseStream();
// C: enrolled, at home authorised (ill) from 2024-01-08: not counted by officieel, counted by leerrecht (verborgen).
const C = caseStream();
const history = [
  opened(A, '2023-09-04', { phase: 'thuis', authorised: false }),
  opened(B, '2023-10-02', { enrolled: false, phase: 'thuis', authorised: false, sector: 'vo', swv: 'VO2601' }),
  event(B, 'PlanAgreed', { accountableRole: 'leerplicht', planKind: 'onderwijs', reviewOn: '2024-01-15', effectiveOn: '2023-11-01' }),
  event(B, 'CaseClosed', { outcome: 'passend_aanbod', effectiveOn: '2024-03-01' }),
  opened(C, '2024-01-08', { phase: 'thuis', authorised: true, reason: 'ziekte' }),
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-report-cli-'));
const dataDir = ['--data-dir', path.join(dir, 'data')];
const json = async (args: string[]) => {
  const result = await runCli([...args, ...dataDir]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

beforeAll(async () => {
  const file = path.join(dir, 'events.ndjson');
  fs.writeFileSync(file, history.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const imported = await runCli(['import', file, ...dataDir]);
  expect(imported.code, imported.stderr).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the figures from the command line', () => {
  it('report --year 2023-2024 (officieel, as admin)', async () => {
    const report = await json(['report', '--year', '2023-2024']);
    expect(report.period).toMatchObject({ start: '2023-08-01', end: '2024-07-31' });
    expect(report.suppressed).toEqual([]);
    expect(report.metrics).toMatchObject({
      lrv_totaal: 1, // A, in LRV from 10-02
      lrv_3m: 1, // A's LRV-base spell reaches 3 months on 12-04
      lrv_begin: 0, // nobody in LRV on 2023-08-01
      lrv_nieuw: 1, // A
      av_totaal: 1, // B, not enrolled 10-02 .. 02-29
      av_3m: 1, // B's AV spell reaches 3 months on 2024-01-02
      thuiszitters: 1, // on 2024-07-31: A (B closed, C authorised)
      lrv: 1, // A
      av: 0, // B closed on 03-01
      norm_overschreden: 1, // A: over 3 months on 07-31, no aanbod
      norm_overschreden_totaal: 2, // A, and B from 01-02 to 02-29: a plan is no passend aanbod (v1: 1, B "covered" by its plan)
      norm_zonder_plan_totaal: 2, // A, and B from 01-16 when its plan had expired
      thuiszitters_totaal: 2, // A and B
      verborgen: 1, // C: leerrecht counts A and C on 07-31, officieel only A
      verborgen_aandeel: 0.5, // 1 of the 2 counted by leerrecht
      verborgen_totaal: 1, // C was never counted by officieel
      geoorloofd_aandeel: 0.5, // enrolled, not at school on 07-31: A (unauthorised) and C (authorised)
      plan_binnen_3m_aandeel: 0.5, // marks in the year: A (12-04, uncovered) and B (01-02, plan since 11-01)
      instroom_cases: 3,
      uitstroom_cases: 1,
      uitstroom_passend_aanbod_cases: 1,
    });
    expect(report.previous.period).toMatchObject({ start: '2022-08-01', end: '2023-07-31' });
    expect(report.previous.metrics.instroom_cases).toBe(0); // nothing before 2023-09-04
  });

  it('report --profile leerrecht --swv VO2601 keeps only B', async () => {
    const report = await json(['report', '--year', '2023-2024', '--profile', 'leerrecht', '--swv', 'VO2601']);
    expect(report.scope).toEqual({ swv: 'VO2601' });
    expect(report.metrics).toMatchObject({ thuiszitters_totaal: 1, instroom_cases: 1, av_totaal: 1, lrv_totaal: 0, verborgen_totaal: 0 });
  });

  it('monthly --from 2023-09 --to 2023-12: stock at month end, flows of the month', async () => {
    const monthly = await json(['monthly', '--from', '2023-09', '--to', '2023-12']);
    const rows = Object.fromEntries(monthly.rows.map((r: { month: string; metrics: Record<string, number> }) => [r.month, r.metrics]));
    expect(Object.keys(rows)).toEqual(['2023-09', '2023-10', '2023-11', '2023-12']);
    expect(rows['2023-09']).toMatchObject({ thuiszitters: 0, lrv_totaal: 0, instroom_cases: 1 }); // A's 4 weeks end on 10-02
    expect(rows['2023-10']).toMatchObject({ thuiszitters: 2, lrv: 1, av: 1, instroom_cases: 1 }); // A (LRV), B (AV)
    expect(rows['2023-11']).toMatchObject({ thuiszitters: 2, norm_dreigend: 1, norm_overschreden: 0 }); // A: 2 months on 11-04; B's come on 12-02
    // A's mark 12-04; B at 2 months since 12-02, its plan no aanbod (v1: norm_dreigend 0, B "covered")
    expect(rows['2023-12']).toMatchObject({ thuiszitters: 2, norm_dreigend: 1, norm_overschreden: 1, plan_binnen_3m_aandeel: 0 });
  });

  it('signals --on 2023-12-15: A over the norm, B nearly (B closes later, and still shows on that day)', async () => {
    const list = await json(['signals', '--on', '2023-12-15']);
    expect(list.signals.map((s: { caseId: string; level: string; daysOut: number }) => [`case-${s.caseId}`, s.level, s.daysOut])).toEqual([
      [A, 'overschreden', 103], // 2023-09-04 .. 12-15: 27 + 31 + 30 + 15 days
      [B, 'dreigend', 75], // 2023-10-02 .. 12-15: 30 + 30 + 15 days; 2 months on 12-02, no aanbod (v1: "gedekt" by its plan)
    ]);
    expect(list.signals[1].plan).toEqual({ status: 'geldig', reviewOn: '2024-01-15' });
    const before = await json(['signals', '--on', '2023-12-15', '--as-of', '2023-01-01']); // before anything was recorded
    expect(before.signals).toEqual([]);
  });

  it('--role raad reads a publication of one whole scope, with counts of 1 to 4 and the shares built on them suppressed; 0 stays 0', async () => {
    const missing = await runCli(['report', '--year', '2023-2024', '--role', 'raad', '--gemeente', 'GM0344', ...dataDir]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('nog niets gepubliceerd')]);
    expect((await runCli(['report', '--year', '2023-2024', '--role', 'raad', '--gemeente', 'GM0344', '--swv', 'PO2601', ...dataDir])).code).toBe(2);
    const published = await json(['publish', '--gemeente', 'GM0344']);
    expect(published).toMatchObject({ scope: { gemeente: 'GM0344' }, createdBy: expect.stringMatching(/^cli:/) });
    const report = await json(['report', '--year', '2023-2024', '--role', 'raad', '--gemeente', 'GM0344']);
    expect(report.asOf).toBe(published.asOf);
    expect(report.metrics.lrv_totaal).toBeNull();
    expect(report.metrics.verborgen_aandeel).toBeNull();
    expect(report.metrics.lrv_begin).toBe(0);
    expect(report.suppressed).toEqual(expect.arrayContaining(['lrv_totaal', 'thuiszitters_totaal', 'verborgen_aandeel', 'instroom_cases']));
    const csv = await runCli(['report', '--year', '2023-2024', '--role', 'raad', '--gemeente', 'GM0344', '--format', 'csv', ...dataDir]);
    expect(csv.stdout.startsWith('\uFEFFPactmonitor;')).toBe(true);
    expect(csv.stdout).toMatch(/;<5(;|\r\n)/);
  });

  it('--role raad may not see case ids: signals is refused (exit 2); an unknown role too', async () => {
    const refused = await runCli(['signals', '--on', '2023-12-15', '--role', 'raad', ...dataDir]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('De rol raad mag dit niet');
    expect((await runCli(['report', '--year', '2023-2024', '--role', 'koning', ...dataDir])).code).toBe(2);
  });

  it('--format xlsx writes a workbook with typed numbers and the Definities sheet', async () => {
    const file = path.join(dir, 'maand.xlsx');
    const result = await runCli(['monthly', '--from', '2023-10', '--to', '2023-11', '--format', 'xlsx', ...dataDir], { stdoutFile: file });
    expect(result.code, result.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Maandcijfers', 'Definities']);
    const numbers: number[] = [];
    workbook.getWorksheet('Maandcijfers')!.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'number' && numbers.push(cell.value)));
    expect(numbers).toContain(2); // thuiszitters at the end of October and November
  });
});
