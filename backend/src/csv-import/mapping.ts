// A CSV mapping (`backend/mappings/<name>.mapping.json`): how a registration system's export becomes events. Checked
// with zod, one clear Dutch error per key.
import * as z from 'zod';

/** The fields a column can hold, by mode. `events`: one event per row; `snapshot`: a child's status on a date. */
export const SNAPSHOT_FIELDS = [
  'childRef', 'date', 'gemeente', 'swv', 'sector', 'birthYear', 'signalledBy', 'enrolled', 'phase', 'authorised', 'reason',
  'exemption', 'exemptionUntil', 'planRole', 'planKind', 'planReviewOn', 'offer', 'waitlists', 'closed',
] as const;
export const EVENT_FIELDS = ['case', 'type', 'date', 'childRef', 'gemeente', 'swv', 'sector', 'birthYear', 'signalledBy', 'enrolled', 'phase', 'authorised', 'reason',
  'article', 'until', 'hoursPerWeek', 'accountableRole', 'planKind', 'reviewOn', 'nextReviewOn', 'outcome', 'offerKind', 'waitingFor',
  'level', 'forum', 'measure'] as const;
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];
export type EventField = (typeof EVENT_FIELDS)[number];
export type Field = SnapshotField | EventField;

/** Fields read as dates, booleans, integers, numbers or `|`-separated lists; the rest are codes (text). */
export const DATE_FIELDS: readonly Field[] = ['date', 'exemptionUntil', 'planReviewOn', 'until', 'reviewOn', 'nextReviewOn'];
export const BOOLEAN_FIELDS: readonly Field[] = ['enrolled', 'authorised'];
export const INTEGER_FIELDS: readonly Field[] = ['birthYear'];
export const NUMBER_FIELDS: readonly Field[] = ['hoursPerWeek'];
export const LIST_FIELDS: readonly Field[] = ['waitlists'];

const column = z.string({ message: 'verwacht de naam van een kolom' }).min(1, { message: 'verwacht de naam van een kolom' });
const valueMap = z.record(z.string(), z.union([z.string(), z.boolean(), z.number()], { message: 'verwacht een tekst, ja/nee (true/false) of getal' }), { message: 'verwacht een object van waarde in het bestand naar waarde in het event' });

const constant = z.union([z.string(), z.boolean(), z.number()], { message: 'verwacht een tekst, ja/nee (true/false) of getal' });

/** An object with (some of) the mode's fields as keys; any other key is an error. */
function fieldsObject<V extends z.ZodType>(fields: readonly string[], value: V, what: string) {
  const shape = Object.fromEntries(fields.map((f) => [f, value.optional()]));
  return z.strictObject(shape, { message: `verwacht een object met ${what}` }) as unknown as z.ZodType<Partial<Record<Field, z.infer<V>>>>;
}

const base = {
  name: z.string().regex(/^[a-z0-9-]{1,64}$/, { message: 'verwacht een naam van kleine letters, cijfers en streepjes' }),
  description: z.string().optional(),
  delimiter: z.enum([';', ',', '\t'], { message: 'verwacht ";", "," of een tab' }).default(';'),
  encoding: z.enum(['utf-8', 'windows-1252'], { message: 'verwacht "utf-8" of "windows-1252"' }).default('utf-8'),
  dateFormat: z.enum(['dd-mm-jjjj', 'iso'], { message: 'verwacht "dd-mm-jjjj" of "iso"' }).default('iso'),
  /** The column with a BSN or onderwijsnummer, made a childRef with the region's key (as `pact pseudonymise`). */
  pseudonymise: z.strictObject({ column }, { message: 'verwacht { "column": "<kolom met bsn of onderwijsnummer>" }' }).optional(),
  /** Columns in the file the mapping does not use (checked for identifying content all the same). */
  ignore: z.array(column, { message: 'verwacht een lijst van kolomnamen' }).default([]),
};

function modeSchema<M extends string, F extends readonly string[]>(mode: M, fields: F) {
  const what = `velden (${fields.join(', ')})`;
  return z.strictObject({
    ...base,
    mode: z.literal(mode),
    columns: fieldsObject(fields, column, `kolomnamen per veld: ${what}`),
    values: fieldsObject(fields, valueMap, `waardevertalingen per veld: ${what}`).default({}),
    defaults: fieldsObject(fields, constant, `vaste waarden per veld: ${what}`).default({}),
  });
}

export const mappingSchema = z.discriminatedUnion(
  'mode',
  [modeSchema('snapshot', SNAPSHOT_FIELDS), modeSchema('events', EVENT_FIELDS)],
  { message: 'mode: verwacht "snapshot" of "events"' },
);

export type Mapping = z.infer<typeof mappingSchema>;

export type MappingResult = { ok: true; mapping: Mapping } | { ok: false; errors: string[] };

const REQUIRED: Record<Mapping['mode'], readonly Field[]> = {
  snapshot: ['date', 'phase', 'enrolled'],
  events: ['case', 'type', 'date'],
};

/** Checks a mapping document; every problem named by its key, without echoing values. */
export function parseMapping(input: unknown): MappingResult {
  const parsed = mappingSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(mapping)'}: ${i.code === 'unrecognized_keys' ? `onbekende sleutel(s) ${i.keys.join(', ')}` : i.message}`) };
  }
  const mapping = parsed.data;
  const errors: string[] = [];
  for (const field of REQUIRED[mapping.mode]) {
    if (mapping.columns[field] === undefined && mapping.defaults[field] === undefined) errors.push(`columns.${field}: verplicht (of een vaste waarde in defaults.${field})`);
  }
  if (mapping.mode === 'snapshot' && mapping.columns.childRef === undefined && mapping.pseudonymise === undefined) {
    errors.push('columns.childRef: verplicht, of pseudonymise.column met de kolom van het bsn of onderwijsnummer');
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, mapping };
}
