import { describe, expect, it } from 'vitest';
import { stateOn, type CaseEvent } from '@pact/events';
import { parseMapping, type Mapping } from './mapping.ts';
import { decode, parseDate, readRows } from './rows.ts';
import { caseStreamOf, deterministicUuid, snapshotEvents } from './to-events.ts';

const KEY = Buffer.from('0123456789abcdef0123456789abcdef');

function mapping(extra: Record<string, unknown> = {}): Mapping {
  const m = parseMapping({
    name: 'test',
    mode: 'snapshot',
    dateFormat: 'dd-mm-jjjj',
    pseudonymise: { column: 'bsn' },
    columns: { date: 'Datum', phase: 'Fase', enrolled: 'Ingeschreven', authorised: 'Geoorloofd', reason: 'Reden', planKind: 'Plan', planRole: 'Regie', planReviewOn: 'Evaluatie', closed: 'Einde' },
    values: { phase: { Thuis: 'thuis', School: 'op_school' } },
    defaults: { gemeente: 'GM0344', swv: 'VO2601', sector: 'vo', birthYear: 2011, signalledBy: 'school' },
    ...extra,
  });
  if (!m.ok) throw new Error(m.errors.join('; '));
  return m.mapping;
}

const HEADER = 'bsn;Datum;Fase;Ingeschreven;Geoorloofd;Reden;Plan;Regie;Evaluatie;Einde';

describe('mapping', () => {
  it('names each wrong key', () => {
    const r = parseMapping({ name: 'X y', mode: 'snapshot', encoding: 'latin9', columns: { fase: 'Fase' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.some((e) => e.startsWith('name:'))).toBe(true);
    expect(r.errors.some((e) => e.startsWith('encoding:'))).toBe(true);
    expect(r.errors.some((e) => e.startsWith('columns:') && e.includes('fase'))).toBe(true);
  });
  it('requires the columns of its mode', () => {
    const r = parseMapping({ name: 'x', mode: 'snapshot', columns: { date: 'D' } });
    expect(r).toEqual({ ok: false, errors: expect.arrayContaining([expect.stringMatching(/^columns\.phase/), expect.stringMatching(/^columns\.childRef/)]) });
  });
});

describe('reading rows', () => {
  it('reads dd-mm-jjjj and ISO dates, refuses impossible ones', () => {
    expect(parseDate('2-9-2024', 'dd-mm-jjjj')).toBe('2024-09-02');
    expect(parseDate('31-02-2024', 'dd-mm-jjjj')).toBeUndefined();
    expect(parseDate('2024-09-02', 'iso')).toBe('2024-09-02');
  });
  it('decodes Windows-1252 and drops a UTF-8 BOM', () => {
    expect(decode(Uint8Array.from([0x43, 0x61, 0x66, 0xe9]), 'windows-1252')).toEqual({ text: 'Café' });
    expect(decode(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'utf-8')).toEqual({ text: 'a' });
    expect(decode(Uint8Array.from([0xe9]), 'utf-8')).toHaveProperty('error');
  });
  it('pseudonymises the number and maps values', () => {
    const { rows, errors } = readRows(`${HEADER}\n111222333;02-09-2024;Thuis;ja;nee;;;;;\n`, mapping(), KEY);
    expect(errors).toEqual([]);
    expect(rows[0].fields).toMatchObject({ childRef: expect.stringMatching(/^[a-z2-7]{32}$/), date: '2024-09-02', phase: 'thuis', enrolled: true, authorised: false });
  });
  it('refuses an identifying column without pseudonymisation, naming the column and not the value', () => {
    const m = mapping({ pseudonymise: undefined, columns: { childRef: 'ref', date: 'Datum', phase: 'Fase', enrolled: 'Ingeschreven' } });
    const { rows, errors } = readRows('ref;naam;Datum;Fase;Ingeschreven\nabc;Jan Jansen;02-09-2024;Thuis;ja\n', m, undefined);
    expect(rows).toEqual([]);
    expect(errors).toEqual([expect.objectContaining({ line: 1, column: 'naam' })]);
    expect(JSON.stringify(errors)).not.toContain('Jansen');
  });
  it('names line and column of a bad cell without its value', () => {
    const { errors } = readRows(`${HEADER}\n111222333;32-13-2024;Thuis;misschien;nee;;;;;\n`, mapping(), KEY);
    expect(errors.map((e) => [e.line, e.column])).toEqual([[2, 'Datum'], [2, 'Ingeschreven']]);
    expect(JSON.stringify(errors)).not.toContain('misschien');
  });
});

describe('snapshot rows as events', () => {
  const m = mapping();
  const rowsOf = (lines: string[]) => readRows([HEADER, ...lines].join('\n'), m, KEY).rows;
  const opening = ['111222333;02-09-2024;Thuis;ja;nee;conflict_school;;;;', '111222333;16-09-2024;Thuis;ja;nee;conflict_school;onderwijs;swv;15-11-2024;'];

  it('opens a case, then adds only what changed', () => {
    const events = snapshotEvents(m, rowsOf(opening), () => []).map((i) => i.value as CaseEvent);
    expect(events.map((e) => e.type)).toEqual(['CaseOpened', 'PlanAgreed']);
    const childRef = (events[0] as Extract<CaseEvent, { type: 'CaseOpened' }>).data.childRef;
    expect(events.every((e) => e.stream === caseStreamOf('test', childRef, 0))).toBe(true);
  });
  it('a second import of the same rows adds nothing; a later one only its changes', () => {
    const first = snapshotEvents(m, rowsOf(opening), () => []).map((i) => i.value as CaseEvent);
    expect(snapshotEvents(m, rowsOf(opening), () => [first])).toEqual([]);
    const later = snapshotEvents(m, rowsOf([...opening, '111222333;14-10-2024;School;ja;;;onderwijs;swv;15-12-2024;']), () => [first]).map((i) => i.value as CaseEvent);
    expect(later.map((e) => e.type)).toEqual(['PhaseChanged', 'PlanReviewed']);
  });
  it('a closing row closes the case; a later row opens the next case of the child', () => {
    const first = snapshotEvents(m, rowsOf(opening), () => []).map((i) => i.value as CaseEvent);
    const closed = snapshotEvents(m, rowsOf(['111222333;01-10-2024;School;ja;;;;;;terug_naar_school']), () => [first]).map((i) => i.value as CaseEvent);
    expect(closed.map((e) => e.type)).toEqual(['CaseClosed']);
    expect(stateOn([...first, ...closed], '2024-10-01').status).toBe('closed');
    const again = snapshotEvents(m, rowsOf(['111222333;01-03-2025;Thuis;ja;ja;ziekte;;;;']), () => [[...first, ...closed]]).map((i) => i.value as CaseEvent);
    expect(again.map((e) => e.type)).toEqual(['CaseOpened']);
    expect(again[0].stream).not.toBe(first[0].stream);
  });
  it('ids are deterministic', () => {
    expect(deterministicUuid('a', 1)).toBe(deterministicUuid('a', 1));
    expect(deterministicUuid('a', 1)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
