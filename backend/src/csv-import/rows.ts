// A CSV file read through a mapping: bytes decoded, header checked (identifying columns refused unless the mapping
// pseudonymises the number), each row's cells turned into typed fields. Pure; errors name line, column and reason,
// never the value.
import { isIsoDate } from '@pact/events';
import { parseCsv } from '../csv.ts';
import { childRefOf, ID_COLUMNS, IDENTIFYING_COLUMNS, normaliseNumber } from '../cli/pseudonymise.ts';
import { BOOLEAN_FIELDS, DATE_FIELDS, INTEGER_FIELDS, LIST_FIELDS, NUMBER_FIELDS, type Field, type Mapping } from './mapping.ts';

export type Value = string | boolean | number | string[];
export interface Row {
  /** Line in the file (the header is line 1). */
  line: number;
  fields: Partial<Record<Field, Value>>;
  /** The column each field came from, to name it in an error. */
  columns: Partial<Record<Field, string>>;
}
export interface RowError {
  line: number;
  column: string;
  message: string;
}

/** The file's text: UTF-8 (a BOM dropped) or Windows-1252, as the mapping says. Invalid UTF-8 is an error. */
export function decode(bytes: Uint8Array, encoding: Mapping['encoding']): { text: string } | { error: string } {
  try {
    const text = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    return { error: 'Het bestand is geen geldige UTF-8; staat de mapping op de goede encoding (windows-1252 voor oudere Excel-exports)?' };
  }
}

const TRUE = new Set(['ja', 'j', 'true', 'waar', '1', 'yes']);
const FALSE = new Set(['nee', 'n', 'false', 'onwaar', '0', 'no']);

/** A date as the mapping writes it, as ISO; undefined when it is not one. */
export function parseDate(raw: string, format: Mapping['dateFormat']): string | undefined {
  if (format === 'iso') return isIsoDate(raw) ? raw : undefined;
  const m = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(raw);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

function convert(field: Field, raw: string | boolean | number, mapping: Mapping): Value | { error: string } {
  if (typeof raw !== 'string') return raw;
  if (DATE_FIELDS.includes(field)) return parseDate(raw, mapping.dateFormat) ?? { error: `geen datum als ${mapping.dateFormat === 'iso' ? 'JJJJ-MM-DD' : 'DD-MM-JJJJ'}` };
  if (BOOLEAN_FIELDS.includes(field)) {
    const v = raw.toLowerCase();
    return TRUE.has(v) ? true : FALSE.has(v) ? false : { error: 'verwacht ja of nee (of een waarde uit values in de mapping)' };
  }
  if (INTEGER_FIELDS.includes(field)) return /^\d{1,4}$/.test(raw) ? Number(raw) : { error: 'verwacht een geheel getal' };
  if (NUMBER_FIELDS.includes(field)) return /^\d{1,3}([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : { error: 'verwacht een getal' };
  if (LIST_FIELDS.includes(field)) return raw.split('|').map((s) => s.trim()).filter((s) => s !== '');
  return raw;
}

/** One cell through the value map: each list item mapped on its own. */
function mapValue(field: Field, raw: string, mapping: Mapping): string | boolean | number {
  const map = mapping.values[field];
  if (!map) return raw;
  if (LIST_FIELDS.includes(field)) return raw.split('|').map((s) => String(map[s.trim()] ?? s.trim())).join('|');
  return Object.hasOwn(map, raw) ? map[raw] : raw;
}

export interface ReadResult {
  rows: Row[];
  errors: RowError[];
}

/**
 * The rows of a CSV text as fields. A column named like a BSN, onderwijsnummer, name, address or birth date refuses
 * the whole file, unless the mapping pseudonymises: then the number becomes `childRef` (HMAC with `key`) and the
 * other identifying columns are left unread, as `pact pseudonymise` drops them.
 */
export function readRows(text: string, mapping: Mapping, key: Buffer | undefined): ReadResult {
  const [header, ...cells] = parseCsv(text, mapping.delimiter);
  if (!header) return { rows: [], errors: [{ line: 1, column: '', message: 'Het bestand is leeg' }] };
  const names = header.map((h) => h.trim());
  const lower = names.map((n) => n.toLowerCase());
  const errors: RowError[] = [];
  const pseudo = mapping.pseudonymise?.column;
  const pseudoIndex = pseudo === undefined ? -1 : lower.indexOf(pseudo.toLowerCase());
  if (pseudo !== undefined && pseudoIndex < 0) errors.push({ line: 1, column: pseudo, message: 'kolom uit pseudonymise.column ontbreekt in de kopregel' });
  if (pseudo !== undefined && !key) errors.push({ line: 1, column: pseudo, message: 'de mapping pseudonimiseert: geef de sleutel van de regio mee (--key-file)' });
  lower.forEach((n, i) => {
    const identifying = ID_COLUMNS.includes(n) || IDENTIFYING_COLUMNS.includes(n);
    if (identifying && pseudo === undefined) {
      errors.push({ line: 1, column: names[i], message: 'identificerende kolom: niets ingelezen; laat de kolom weg, of laat de mapping het nummer pseudonimiseren (pseudonymise.column, --key-file)' });
    }
  });
  const used = new Set<number>([pseudoIndex]);
  const columnIndex: Partial<Record<Field, number>> = {};
  for (const [field, col] of Object.entries(mapping.columns) as [Field, string | undefined][]) {
    if (col === undefined) continue;
    const i = lower.indexOf(col.toLowerCase());
    if (i < 0) errors.push({ line: 1, column: col, message: `kolom voor ${field} ontbreekt in de kopregel` });
    else if (i === pseudoIndex || ID_COLUMNS.includes(lower[i]) || IDENTIFYING_COLUMNS.includes(lower[i])) {
      errors.push({ line: 1, column: col, message: `identificerende kolom kan geen ${field} zijn` });
    } else {
      columnIndex[field] = i;
      used.add(i);
    }
  }
  for (const col of mapping.ignore) {
    const i = lower.indexOf(col.toLowerCase());
    if (i >= 0) used.add(i);
  }
  lower.forEach((n, i) => {
    if (!used.has(i) && !ID_COLUMNS.includes(n) && !IDENTIFYING_COLUMNS.includes(n)) {
      errors.push({ line: 1, column: names[i], message: 'kolom staat niet in de mapping (columns of ignore)' });
    }
  });
  if (errors.length > 0) return { rows: [], errors };

  const rows: Row[] = [];
  cells.forEach((row, r) => {
    const line = r + 2;
    if (row.length !== names.length) {
      errors.push({ line, column: '', message: `verwacht ${names.length} kolommen, kreeg ${row.length}` });
      return;
    }
    const fields: Row['fields'] = {};
    const columns: Row['columns'] = {};
    for (const [field, value] of Object.entries(mapping.defaults) as [Field, string | boolean | number | undefined][]) {
      if (value !== undefined) fields[field] = convertOrKeep(field, value, mapping);
    }
    if (pseudo !== undefined && key) {
      const number = normaliseNumber(row[pseudoIndex] ?? '');
      if (!number) errors.push({ line, column: names[pseudoIndex], message: 'bevat geen nummer van 8 of 9 cijfers' });
      else {
        fields.childRef = childRefOf(number, key);
        columns.childRef = names[pseudoIndex];
      }
    }
    for (const [field, i] of Object.entries(columnIndex) as [Field, number][]) {
      const raw = row[i].trim();
      columns[field] = names[i];
      if (raw === '') continue;
      const value = convert(field, mapValue(field, raw, mapping), mapping);
      if (typeof value === 'object' && !Array.isArray(value)) errors.push({ line, column: names[i], message: value.error });
      else fields[field] = value;
    }
    rows.push({ line, fields, columns });
  });
  return { rows, errors };
}

function convertOrKeep(field: Field, value: string | boolean | number, mapping: Mapping): Value {
  const v = convert(field, value, mapping);
  return typeof v === 'object' && !Array.isArray(v) ? String(value) : v;
}
