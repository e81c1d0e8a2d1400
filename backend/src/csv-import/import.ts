// `pact import-csv` and POST /api/imports/csv: a CSV export through a mapping into the log, all or nothing, through
// the ingest path. The store is read for each child's cases (snapshot mode) so that only changes are appended.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseEvent, EventStore, PactEvent } from '@pact/events';
import { ingest, type IngestOptions } from '../ingest.ts';
import { parseMapping, type Field, type Mapping } from './mapping.ts';
import { decode, readRows, type Row } from './rows.ts';
import { caseStreamOf, rowEvents, snapshotEvents, type ChildCases } from './to-events.ts';

/** A refused row: line in the file, column (its header), and why; never the value. */
export interface CsvError {
  line: number;
  column: string;
  message: string;
  code?: string;
}

export type CsvImportResult =
  | { ok: true; appended: number; duplicates: number; planned?: PactEvent[] }
  | { ok: false; errors: CsvError[]; count: number };

export const MAPPINGS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../mappings');

/** A shipped mapping by name (`backend/mappings/<name>.mapping.json`), or its errors. */
export function loadMapping(fileOrName: string): { ok: true; mapping: Mapping } | { ok: false; errors: string[] } {
  const file = /^[a-z0-9-]{1,64}$/.test(fileOrName) ? path.join(MAPPINGS_DIR, `${fileOrName}.mapping.json`) : fileOrName;
  if (!fs.existsSync(file)) return { ok: false, errors: [`Mapping niet gevonden: ${path.basename(file)}`] };
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return { ok: false, errors: ['De mapping is geen geldige JSON'] };
  }
  return parseMapping(json);
}

/** The snapshot field an event's data field came from (to name its column in an error). */
const SNAPSHOT_SOURCE: Record<string, Field> = {
  effectiveOn: 'date', article: 'exemption', until: 'exemptionUntil', accountableRole: 'planRole', reviewOn: 'planReviewOn',
  nextReviewOn: 'planReviewOn', offerKind: 'offer', waitingFor: 'waitlists', outcome: 'closed',
};

function columnOf(mapping: Mapping, row: Row | undefined, eventField: string): string {
  const key = eventField.replace(/^data\./, '');
  const field = (mapping.mode === 'snapshot' ? (SNAPSHOT_SOURCE[key] ?? key) : key === 'effectiveOn' ? 'date' : key) as Field;
  return row?.columns[field] ?? (mapping.defaults[field] !== undefined ? `(vaste waarde ${field})` : '(regel)');
}

/** Every case of each child from this mapping, in index order: stream 0, 1, … until one does not exist. */
async function loadCases(store: EventStore, mapping: Mapping, childRefs: readonly string[]): Promise<Map<string, CaseEvent[][]>> {
  const cases = new Map<string, CaseEvent[][]>(childRefs.map((c) => [c, []]));
  let pending = [...childRefs];
  for (let index = 0; pending.length > 0; index++) {
    const streams = pending.map((c) => caseStreamOf(mapping.name, c, index));
    const read = await store.readStreams(streams);
    pending = pending.filter((c, i) => {
      const events = read.get(streams[i]);
      if (!events || events.length === 0) return false;
      cases.get(c)!.push(events as CaseEvent[]);
      return true;
    });
  }
  return cases;
}

export interface CsvImportOptions extends Pick<IngestOptions, 'clock' | 'authorise' | 'dryRun'> {
  /** The region's pseudonymisation key, when the mapping pseudonymises. */
  key?: Buffer;
}

/** Reads, maps and ingests a CSV file's bytes: appended and duplicates, or every refused row by line and column. */
export async function importCsv(store: EventStore, bytes: Uint8Array, mapping: Mapping, options: CsvImportOptions): Promise<CsvImportResult> {
  const decoded = decode(bytes, mapping.encoding);
  if ('error' in decoded) return { ok: false, errors: [{ line: 1, column: '', message: decoded.error }], count: 1 };
  const { rows, errors } = readRows(decoded.text, mapping, options.key);
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, 100), count: errors.length };
  let inputs;
  if (mapping.mode === 'snapshot') {
    const childRefs = [...new Set(rows.map((r) => String(r.fields.childRef ?? '')))];
    const cases = await loadCases(store, mapping, childRefs);
    inputs = snapshotEvents(mapping, rows, (c) => (cases.get(c) ?? []) as ChildCases);
  } else inputs = rowEvents(mapping, rows);
  const result = await ingest(store, inputs, { clock: options.clock, authorise: options.authorise, dryRun: options.dryRun });
  if (result.ok) return { ok: true, appended: result.appended, duplicates: result.duplicates, ...(result.planned ? { planned: result.planned } : {}) };
  if ('conflict' in result) return { ok: false, errors: [{ line: 0, column: '', message: `${result.conflict.message}. Niets toegevoegd; probeer het opnieuw.` }], count: 1 };
  const byLine = new Map(rows.map((r) => [r.line, r]));
  return {
    ok: false,
    errors: result.errors.map((e) => ({ line: e.line, column: columnOf(mapping, byLine.get(e.line), e.field), message: e.message, code: e.code })),
    count: result.count,
  };
}

/** A refused import as lines of text for the terminal. */
export function formatCsvErrors(result: Extract<CsvImportResult, { ok: false }>): string {
  let out = '';
  for (const e of result.errors) out += `regel ${e.line}${e.column ? `, kolom ${e.column}` : ''}: ${e.message}${e.code ? ` [${e.code}]` : ''}\n`;
  if (result.count > result.errors.length) out += `… en nog ${result.count - result.errors.length} fouten\n`;
  return out + 'Niets toegevoegd.\n';
}
