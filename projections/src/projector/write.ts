// Writing a computed batch: the changed fact rows of its cases (bitemporal: new rows, rows no longer believed, rows
// never believed), the cases' rows, the meetings, all inside the batch's transaction.
import { sql } from 'kysely';
import { meetingIdOf, type StoredEvent } from '@pact/events';
import type { Fact, RowChanges } from '../bitemporal.ts';
import type { CaseIdentity } from '../facts/case-timeline.ts';
import type { ReadModelDb } from '../schema.ts';
import type { CaseRow } from './case-row.ts';

const WRITE_CHUNK = 1000;

export interface CaseChanges extends RowChanges {
  caseId: string;
  identity: CaseIdentity;
}

// How a fact is keyed and written in its table: the columns of its key among the rows still believed.
type KeyedRow = { caseId: string; fact: Fact; from: string; to?: string | null; identity?: CaseIdentity };
type Column = { name: string; type: string; value: (row: KeyedRow) => unknown };
type StretchFact = Extract<Fact, { table: 'stretches' }>;
type OccurrenceFact = Extract<Fact, { table: 'occurrences' }>;
const stretch = (r: KeyedRow) => r.fact as StretchFact;
const occurrence = (r: KeyedRow) => r.fact as OccurrenceFact;

const TABLES: Record<Fact['table'], { name: string; key: Column[]; rest: Column[] }> = {
  stretches: {
    name: 'readmodel.stretches',
    key: [
      { name: 'case_id', type: 'uuid', value: (r) => r.caseId },
      { name: 'start_on', type: 'date', value: (r) => stretch(r).start },
      { name: 'recorded_from', type: 'timestamptz', value: (r) => r.from },
    ],
    rest: [
      { name: 'end_on', type: 'date', value: (r) => stretch(r).end },
      { name: 'mask', type: 'bigint', value: (r) => stretch(r).mask.toString() },
      { name: 's_officieel', type: 'date', value: (r) => stretch(r).spellStart.officieel ?? null },
      { name: 's_breed', type: 'date', value: (r) => stretch(r).spellStart.breed ?? null },
      { name: 's_leerrecht', type: 'date', value: (r) => stretch(r).spellStart.leerrecht ?? null },
      { name: 's_geoorloofd_thuis', type: 'date', value: (r) => stretch(r).spellStart.geoorloofd_thuis ?? null },
      { name: 'review_on', type: 'date', value: (r) => stretch(r).reviewOn },
      { name: 'offer_kind', type: 'text', value: (r) => stretch(r).offer?.kind ?? null },
      { name: 'offer_since', type: 'date', value: (r) => stretch(r).offer?.since ?? null },
      { name: 'reason', type: 'text', value: (r) => stretch(r).reason },
    ],
  },
  occurrences: {
    name: 'readmodel.occurrences',
    key: [
      { name: 'subject_id', type: 'uuid', value: (r) => r.caseId },
      { name: 'kind', type: 'text', value: (r) => occurrence(r).kind },
      { name: 'on_date', type: 'date', value: (r) => occurrence(r).on },
      { name: 'n', type: 'smallint', value: (r) => occurrence(r).n },
      { name: 'recorded_from', type: 'timestamptz', value: (r) => r.from },
    ],
    rest: [],
  },
};
const IDENTITY: Column[] = [
  { name: 'child_ref', type: 'text', value: (r) => r.identity!.childRef },
  { name: 'gemeente', type: 'text', value: (r) => r.identity!.gemeente },
  { name: 'swv', type: 'text', value: (r) => r.identity!.swv },
];
const RECORDED_TO: Column = { name: 'recorded_to', type: 'timestamptz', value: (r) => r.to ?? null };

/** `unnest($1::t1[], $2::t2[], …) x(c1, c2, …)`: a chunk of rows as a relation, one array parameter per column. */
function unnestRows(rows: KeyedRow[], columns: Column[]) {
  const arrays = columns.map((c) => sql`${rows.map(c.value)}::${sql.raw(c.type)}[]`);
  return sql`unnest(${sql.join(arrays)}) x(${sql.join(columns.map((c) => sql.ref(c.name)))})`;
}

const matchKey = (columns: Column[], alias: string) => sql.join(columns.map((c) => sql`${sql.ref(`${alias}.${c.name}`)} = ${sql.ref(`x.${c.name}`)}`), sql` and `);

export async function writeChanges(trx: ReadModelDb, changes: CaseChanges[]): Promise<void> {
  const rows = (pick: (c: CaseChanges) => { fact: Fact; from: string; to?: string | null }[]) =>
    changes.flatMap((c) => pick(c).map((r): KeyedRow => ({ caseId: c.caseId, identity: c.identity, ...r })));
  const [removed, closed, inserted] = [rows((c) => c.remove), rows((c) => c.close), rows((c) => c.insert)];
  for (const [table, { name, key, rest }] of Object.entries(TABLES) as [Fact['table'], (typeof TABLES)[Fact['table']]][]) {
    const ofTable = (list: KeyedRow[]) => list.filter((r) => r.fact.table === table);
    for (const chunk of chunks(ofTable(removed))) {
      await sql`delete from ${sql.table(name)} t using ${unnestRows(chunk, key)} where ${matchKey(key, 't')}`.execute(trx);
    }
    for (const chunk of chunks(ofTable(closed))) {
      await sql`update ${sql.table(name)} t set recorded_to = x.recorded_to from ${unnestRows(chunk, [...key, RECORDED_TO])} where ${matchKey(key, 't')}`.execute(trx);
    }
    const columns = [...key, ...rest, ...IDENTITY, RECORDED_TO];
    for (const chunk of chunks(ofTable(inserted))) {
      await sql`insert into ${sql.table(name)} (${sql.join(columns.map((c) => sql.ref(c.name)))}) select * from ${unnestRows(chunk, columns)}`.execute(trx);
    }
  }
}

export async function upsertCases(trx: ReadModelDb, rows: CaseRow[]): Promise<void> {
  const columns = ['child_ref', 'gemeente', 'swv', 'sector', 'birth_year', 'opened_on', 'closed_on', 'outcome', 'status', 'revision', 'last_recorded_at', 'last_event_on'] as const;
  for (const chunk of chunks(rows)) {
    await trx
      .insertInto('readmodel.cases')
      .values(chunk)
      .onConflict((oc) => oc.column('case_id').doUpdateSet((eb) => Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)]))))
      .execute();
  }
}

/**
 * A meeting stream's MeetingHeld becomes an occurrence `meeting_<forum>` of its gemeente/swv; a retraction of it ends
 * that belief at the retraction's `recordedAt` (a meeting registered by mistake counts as never held).
 */
export async function projectMeetings(trx: ReadModelDb, events: readonly StoredEvent[]): Promise<void> {
  const held = events.flatMap((e) =>
    e.type === 'MeetingHeld'
      ? [{
          subject_id: meetingIdOf(e.stream)!,
          child_ref: null,
          gemeente: e.data.gemeente ?? null,
          swv: e.data.swv ?? null,
          kind: `meeting_${e.data.forum}`,
          on_date: e.data.effectiveOn,
          n: 0,
          recorded_from: new Date(e.recordedAt),
          recorded_to: null,
        }]
      : [],
  );
  for (const chunk of chunks(held)) await trx.insertInto('readmodel.occurrences').values(chunk).execute();
  for (const e of events) {
    const meetingId = meetingIdOf(e.stream);
    if (!meetingId || e.type !== 'EventRetracted') continue;
    const at = new Date(e.recordedAt);
    // retracted at the very instant it was recorded: it was never believed
    await trx.deleteFrom('readmodel.occurrences').where('subject_id', '=', meetingId).where('recorded_to', 'is', null).where('recorded_from', '=', at).execute();
    await trx.updateTable('readmodel.occurrences').set({ recorded_to: at }).where('subject_id', '=', meetingId).where('recorded_to', 'is', null).execute();
  }
}

export function* chunks<T>(items: T[]): Generator<T[]> {
  for (let i = 0; i < items.length; i += WRITE_CHUNK) yield items.slice(i, i + WRITE_CHUNK);
}
