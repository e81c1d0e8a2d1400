// `pact pseudonymise --key-file K < in.csv > out.csv`: at the leerplicht office, before anything is sent,
// the BSN or onderwijsnummer becomes a `childRef` and every identifying column it knows is dropped.
import { createHmac } from 'node:crypto';
import { findPrivacyKind } from '@pact/events';
import { detectSeparator, formatCsv, parseCsv } from '../csv.ts';

export const ID_COLUMNS = ['bsn', 'onderwijsnummer'];
/** Columns that identify a child or family; dropped from the output. */
export const IDENTIFYING_COLUMNS = [
  'naam', 'voornaam', 'achternaam', 'roepnaam', 'tussenvoegsel', 'voorletters',
  'geboortedatum', 'adres', 'straat', 'huisnummer', 'postcode', 'woonplaats',
  'email', 'e-mail', 'telefoon', 'telefoonnummer', 'mobiel',
];

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** RFC 4648 base32, lower case, no padding. */
export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/** The number as written by people and spreadsheets: spaces and dots removed, a lost leading zero restored. */
export function normaliseNumber(raw: string): string | undefined {
  const digits = raw.replace(/[\s.]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return undefined;
  return digits.padStart(9, '0');
}

/** HMAC-SHA256 of the number with the key, lower-case base32, first 32 characters. */
export function childRefOf(number: string, key: Buffer): string {
  return base32(createHmac('sha256', key).update(number, 'utf8').digest()).slice(0, 32);
}

export interface PseudonymiseResult {
  csv: string;
  errors: string[];
  warnings: string[];
}

export function pseudonymise(input: string, key: Buffer): PseudonymiseResult {
  const separator = detectSeparator(input);
  const [header, ...rows] = parseCsv(input, separator);
  if (!header) return { csv: '', errors: ['Het bestand is leeg'], warnings: [] };
  const names = header.map((h) => h.trim().toLowerCase());
  const idIndex = ID_COLUMNS.map((c) => names.indexOf(c)).find((i) => i >= 0);
  if (idIndex === undefined) return { csv: '', errors: ['Geen kolom bsn of onderwijsnummer gevonden in de kopregel'], warnings: [] };
  const drop = new Set(names.flatMap((n, i) => (i !== idIndex && (ID_COLUMNS.includes(n) || IDENTIFYING_COLUMNS.includes(n)) ? [i] : [])));
  const keep = (cells: string[]) => cells.filter((_, i) => !drop.has(i));

  const errors: string[] = [];
  const warnings: string[] = [];
  const out: string[][] = [keep(header.map((h, i) => (i === idIndex ? 'childRef' : h)))];
  rows.forEach((cells, r) => {
    const line = r + 2;
    const number = normaliseNumber(cells[idIndex] ?? '');
    if (!number) {
      errors.push(`regel ${line}: kolom ${header[idIndex]} bevat geen nummer van 8 of 9 cijfers`);
      return;
    }
    const row = cells.map((v, i) => (i === idIndex ? childRefOf(number, key) : v));
    row.forEach((v, i) => {
      if (i === idIndex || drop.has(i)) return;
      const kind = findPrivacyKind(v, '');
      if (kind) warnings.push(`regel ${line}, kolom ${header[i]}: lijkt op ${kind}; controleer of deze kolom weg moet voor u iets verstuurt`);
    });
    out.push(keep(row));
  });
  return { csv: errors.length > 0 ? '' : formatCsv(out, separator), errors, warnings };
}
