// System time: each fact row is believed from the `recordedAt` that made it true to the one that unmade it.
// A case's versions are its facts as known at each distinct `recordedAt` of its events (events recorded by then),
// so the rows are a pure function of the case's events, whatever the order or batching of their arrival.
import type { CaseEvent } from '@pact/events';
import { caseFacts, type FlagStretch, type Occurrence } from './facts/case-facts.ts';
import type { CaseIdentity, TimeRules } from './facts/case-timeline.ts';

export type Fact = ({ table: 'stretches' } & FlagStretch) | ({ table: 'occurrences' } & Occurrence);

export function factKey(fact: Fact): string {
  if (fact.table === 'occurrences') return `o|${fact.kind}|${fact.on}|${fact.n}`;
  const s = fact.spellStart;
  return `s|${fact.start}|${fact.end ?? ''}|${fact.mask}|${s.officieel ?? ''}|${s.breed ?? ''}|${s.leerrecht ?? ''}|${s.geoorloofd_thuis ?? ''}|${fact.reviewOn ?? ''}|${fact.offer?.kind ?? ''}|${fact.offer?.since ?? ''}|${fact.reason ?? ''}`;
}

export interface Version {
  at: string;
  identity: CaseIdentity | null;
  facts: Fact[];
}

/** The case's facts as known at `at`: from the events recorded by then (a prefix in stream order). */
export function versionAt(events: readonly (CaseEvent & { recordedAt: string })[], at: string, rules: TimeRules): Version {
  const { identity, stretches, occurrences } = caseFacts(
    events.filter((e) => e.recordedAt <= at),
    rules,
  );
  const facts: Fact[] = [];
  for (const s of stretches) facts.push({ table: 'stretches', ...s });
  for (const o of occurrences) facts.push({ table: 'occurrences', ...o });
  return { at, identity, facts };
}

/** What to write to move the stored rows of one case forward through new versions. */
export interface RowChanges {
  /** New rows (possibly already closed within the same versions). */
  insert: Believed[];
  /** Stored rows that stopped being believed at `to`. */
  close: { fact: Fact; from: string; to: string }[];
  /** Stored rows that were never believed at any instant (unmade at the very `recordedAt` that made them). */
  remove: { fact: Fact; from: string }[];
}

export interface Believed {
  fact: Fact;
  /** `recordedAt` from which the fact was believed. */
  from: string;
  /** `recordedAt` at which it stopped being believed; null while it still is. */
  to: string | null;
}

/**
 * Moves `current` (the stored rows still believed, with the `recordedAt` they were believed from) through
 * `versions` (ascending `at`, each not before any stored `from`).
 */
export function advance(current: readonly { fact: Fact; from: string }[], versions: readonly Version[]): RowChanges {
  const live = new Map<string, { fact: Fact; from: string; stored: boolean; to: string | null }>();
  for (const row of current) live.set(factKey(row.fact), { ...row, stored: true, to: null });
  const inserted: { fact: Fact; from: string; to: string | null }[] = [];
  const changes: RowChanges = { insert: [], close: [], remove: [] };
  for (const version of versions) {
    const keys = new Set(version.facts.map(factKey));
    for (const [key, row] of live) {
      if (keys.has(key)) continue;
      live.delete(key);
      if (row.from === version.at) {
        if (row.stored) changes.remove.push({ fact: row.fact, from: row.from });
        else inserted.splice(inserted.indexOf(row), 1);
      } else if (row.stored) changes.close.push({ fact: row.fact, from: row.from, to: version.at });
      else row.to = version.at;
    }
    for (const fact of version.facts) {
      const key = factKey(fact);
      if (live.has(key)) continue;
      const row = { fact, from: version.at, stored: false, to: null };
      live.set(key, row);
      inserted.push(row);
    }
  }
  changes.insert = inserted.map(({ fact, from, to }) => ({ fact, from, to }));
  return changes;
}
