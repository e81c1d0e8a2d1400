// The privacy guard: nothing that identifies a child may enter the store. It looks at every key and every
// value anywhere in a payload and names the field and the kind of data found, never the value itself.
import { CHILD_REF } from './child-ref.ts';
import type { FieldIssue } from './schemas.ts';

export type PrivacyKind = 'BSN' | 'EMAIL' | 'PHONE' | 'BIRTH_DATE' | 'IDENTIFYING_FIELD';

const MESSAGES: Record<PrivacyKind, string> = {
  BSN: 'Privacy: deze waarde lijkt op een BSN (9 cijfers die de elfproef doorstaan); BSN-nummers mogen niet worden opgeslagen',
  EMAIL: 'Privacy: deze waarde lijkt op een e-mailadres; e-mailadressen mogen niet worden opgeslagen',
  PHONE: 'Privacy: deze waarde lijkt op een telefoonnummer; telefoonnummers mogen niet worden opgeslagen',
  BIRTH_DATE: 'Privacy: deze waarde lijkt op een geboortedatum; geboortedata mogen niet worden opgeslagen (alleen geboortejaar)',
  IDENTIFYING_FIELD: 'Privacy: dit veld is bedoeld voor identificerende gegevens (naam, BSN, adres, geboortedatum, contact) en mag niet worden opgeslagen',
};

/** The dutch "elfproef" for a BSN: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is divisible by 11 (and not all zeros). */
export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

// Nine digits, bare or grouped as 3-3-3 / 4-2-3 (spaces, dots or hyphens), not part of a longer number.
const BSN_CANDIDATE = /(?<![\d])(\d{9}|\d{3}[ .-]\d{3}[ .-]\d{3}|\d{4}[ .-]\d{2}[ .-]\d{3})(?![\d])/g;
// One character before the @ is enough to tell (and keeps the search linear: `[^…]+@` would rescan the rest of a
// long value from every position).
const EMAIL = /[^\s@"<>()]@[^\s@"<>()]+\.[a-z]{2,}/i;
// Dutch numbers (06…, 0xx…, +31, 0031) with 9 digits after the leading 0 / country code, and other
// international numbers (+ and 10 to 14 digits), allowing spaces, hyphens, dots and brackets between digits.
const PHONE_NL = /(?<![\d\w])(?:\+31|0031|0)[ .-]?(?:\(0\)[ .-]?)?[1-9](?:[ .-]?\d){8}(?![\d])/;
const PHONE_INTL = /(?<![\d\w])\+[1-9](?:[ .()-]?\d){9,13}(?![\d])/;
const MONTHS_NL = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';
// Day-month-year as people write birth dates: 12-03-2011, 12/3/2011, 12.03.2011, 12 maart 2011.
const DATE_DMY = /(?<!\d)(0?[1-9]|[12]\d|3[01])[-/.](0?[1-9]|1[0-2])[-/.](19|20)\d\d(?!\d)/;
const DATE_WORDS = new RegExp(`(?<!\\d)(0?[1-9]|[12]\\d|3[01])\\s+(${MONTHS_NL})\\.?\\s+(19|20)\\d\\d(?!\\d)`, 'i');
const DATE_ISO = /(?<!\d)(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/;
// Fields whose values are business dates or instants by the vocabulary; an ISO date anywhere else is suspect.
const DATE_FIELDS = new Set(['effectiveOn', 'reviewOn', 'nextReviewOn', 'until', 'recordedAt']);
// UUIDs and stream names are random hex: their digit runs would look like numbers and dates by chance.
const IDENTIFIER = /^(case-|meeting-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDENTIFYING_KEY =
  /^(bsn|burgerservicenummer|onderwijsnummer|naam|voornaam|achternaam|name|firstname|lastname|fullname|adres|address|straat|street|huisnummer|postcode|zipcode|woonplaats|email|e-mail|mail|telefoon|telefoonnummer|phone|mobiel|mobile|geboortedatum|geboortedag|birthdate|dateofbirth|dob)$/i;

export function findPrivacyKind(value: string, key: string): PrivacyKind | undefined {
  if (!/[\d@]/.test(value) || IDENTIFIER.test(value)) return undefined; // every pattern needs a digit or an @
  // A pseudonym's digits 2-7 come from a keyed hash; anything else in a childRef is looked at like any other value.
  if (key === 'childRef' && CHILD_REF.test(value)) return undefined;
  if (key === 'childRef' && /^\d+$/.test(value)) return 'BSN'; // a number where the pseudonym belongs: a BSN or onderwijsnummer
  if (DATE_FIELDS.has(key) && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d\d:\d\d))?$/.test(value)) return undefined; // a business date or instant
  for (const m of value.matchAll(BSN_CANDIDATE)) {
    if (passesElfproef(m[1].replace(/[ .-]/g, ''))) return 'BSN';
  }
  if (EMAIL.test(value)) return 'EMAIL';
  if (PHONE_NL.test(value) || PHONE_INTL.test(value)) return 'PHONE';
  if (DATE_DMY.test(value) || DATE_WORDS.test(value)) return 'BIRTH_DATE';
  if (!DATE_FIELDS.has(key) && DATE_ISO.test(value)) return 'BIRTH_DATE';
  return undefined;
}

const MAX_DEPTH = 64;

/** Every privacy finding in a payload, by field path. The values themselves are never part of the result. */
export function privacyIssues(payload: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const report = (path: string, kind: PrivacyKind) => issues.push({ field: path, code: `PRIVACY_${kind}`, message: MESSAGES[kind] });
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

  const visit = (value: unknown, path: string, key: string, depth: number): void => {
    if (depth > MAX_DEPTH) return; // the schema rejects such nesting anyway
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
      const kind = findPrivacyKind(String(value), key);
      if (kind) report(path, kind);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, join(path, String(i)), key, depth + 1));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        const keyKind = IDENTIFYING_KEY.test(k) ? 'IDENTIFYING_FIELD' : findPrivacyKind(k, '');
        if (keyKind) report(join(path, keyKind === 'IDENTIFYING_FIELD' ? k : '(veldnaam)'), keyKind);
        else visit(v, join(path, k), k, depth + 1);
      }
    }
  };
  visit(payload, '', '', 0);
  return issues;
}
