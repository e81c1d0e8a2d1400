// What the runner knows of recently touched cases: their events so far and their rows still believed. The
// runner is the only writer of the read models, so this stays true as long as its transactions commit; on any
// failure the runner clears it and starts again from its checkpoint.
import type { CaseEvent, Stored } from '@pact/events';
import type { Fact } from '../bitemporal.ts';

export type StoredCaseEvent = Stored<CaseEvent>;

export interface CachedCase {
  events: StoredCaseEvent[];
  /** Rows still believed (`recorded_to` null), with the `recordedAt` they are believed from. */
  current: { fact: Fact; from: string }[];
  /** The batch that last touched it (cases touched by a batch still being written are never evicted). */
  batch: number;
}

export class CaseCache {
  private readonly cases = new Map<string, CachedCase>();

  constructor(private readonly capacity: number) {}

  get(caseId: string): CachedCase | undefined {
    return this.cases.get(caseId);
  }

  set(caseId: string, entry: CachedCase): void {
    this.cases.delete(caseId); // re-insert: Map order is least recently touched first
    this.cases.set(caseId, entry);
  }

  /** Drops the least recently touched cases beyond capacity, never those touched since batch `keepFrom`. */
  evict(keepFrom: number): void {
    for (const [caseId, entry] of this.cases) {
      if (this.cases.size <= this.capacity || entry.batch >= keepFrom) return;
      this.cases.delete(caseId);
    }
  }

  clear(): void {
    this.cases.clear();
  }

  get size(): number {
    return this.cases.size;
  }
}
