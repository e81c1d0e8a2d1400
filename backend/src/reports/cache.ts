// Computed figures, kept while the read models stay as they are: a result is keyed by the read models' version
// (any new event or erasure moves it), "today", and the request (period, profile, scope, asOf). Requests for
// the same figures at the same moment share one computation (single flight). Suppression is applied per role
// after the cache, so one entry serves every role.
import type { Db } from '@pact/events';
import { readModelVersion } from '@pact/projections';

const MAX_ENTRIES = 500;

export class FigureCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly db: Db) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const full = `${await readModelVersion(this.db)}|${key}`;
    let entry = this.entries.get(full) as Promise<T> | undefined;
    if (entry) {
      this.entries.delete(full); // most recently used last
      this.entries.set(full, entry);
      return entry;
    }
    entry = compute();
    this.entries.set(full, entry);
    entry.catch(() => this.entries.delete(full));
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }
}
