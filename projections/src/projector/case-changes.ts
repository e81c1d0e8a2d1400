// What a batch of events changes in the read models: for each case it touches, the versions the batch adds (one per
// distinct recordedAt) moved through the rows still believed. Reads what the cache lacks; writes nothing.
import { caseIdOf, meetingIdOf, type EventStore, type StoredEvent } from '@pact/events';
import { advance, factKey, versionAt, type Fact, type RowChanges } from '../bitemporal.ts';
import type { TimeRules } from '../facts/case-timeline.ts';
import type { ReadModelDb } from '../schema.ts';
import { CaseCache, type CachedCase, type StoredCaseEvent } from './case-cache.ts';
import { caseRow, identityOf, type CaseRow } from './case-row.ts';
import type { CaseChanges } from './write.ts';

/** One computed batch, ready to be written with its checkpoint. */
export interface Work {
  changes: CaseChanges[];
  caseRows: CaseRow[];
  meetingEvents: StoredEvent[];
}

export class CaseChangesOfBatch {
  private batchNo = 0;

  constructor(
    private readonly db: ReadModelDb,
    private readonly store: EventStore,
    private readonly cache: CaseCache,
    private readonly rules: TimeRules,
  ) {}

  /**
   * Computes what a batch changes, moving the cache forward (outside any transaction). `recheck`: the batch may
   * hold events of erased streams (read before an erasure, or KurrentDB before its scavenge).
   */
  async of(events: readonly StoredEvent[], recheck: boolean): Promise<Work> {
    const batchNo = ++this.batchNo;
    const caseEvents = events.filter((e) => caseIdOf(e.stream)) as StoredCaseEvent[];
    const byStream = groupBy(caseEvents, (e) => e.stream);
    // A stream whose first event (revision 0) is in this batch is new: nothing of it was read or projected before.
    const isNew = (added: StoredCaseEvent[]) => !recheck && added[0].revision === 0;
    const missing = [...byStream].filter(([s, added]) => !this.cache.get(caseIdOf(s)!) && !isNew(added)).map(([s]) => s);
    for (const [s, added] of byStream) if (isNew(added)) this.cache.set(caseIdOf(s)!, { events: [], current: [], batch: batchNo });
    await this.loadMissing(missing, byStream, batchNo);

    const changes: CaseChanges[] = [];
    const caseRows: CaseRow[] = [];
    for (const [stream, added] of byStream) {
      const caseId = caseIdOf(stream)!;
      const entry = this.cache.get(caseId);
      if (!entry) continue; // erased: the log may still deliver its events (KurrentDB until its next scavenge)
      entry.events.push(...added);
      entry.batch = batchNo;
      this.cache.set(caseId, entry);
      const versions = [...new Set(added.map((e) => e.recordedAt))].sort().map((at) => versionAt(entry.events, at, this.rules));
      const changed = advance(entry.current, versions);
      entry.current = believedAfter(entry.current, changed);
      const identity = identityOf(entry.events);
      if (identity) changes.push({ caseId, identity, ...changed });
      caseRows.push(caseRow(caseId, entry.events));
    }
    this.cache.evict(batchNo - 1);
    return { changes, caseRows, meetingEvents: events.filter((e) => meetingIdOf(e.stream)) };
  }

  /** Brings cases the cache does not know into it: their events before this batch, their rows still believed. */
  private async loadMissing(streams: string[], batch: Map<string, StoredCaseEvent[]>, batchNo: number) {
    if (streams.length === 0) return;
    const ids = streams.map((s) => caseIdOf(s)!);
    const [histories, stretchRows, occurrenceRows] = await Promise.all([
      this.store.readStreams(streams),
      this.db
        .selectFrom('readmodel.stretches')
        .select(['case_id', 'start_on', 'end_on', 's_officieel', 's_breed', 's_leerrecht', 's_geoorloofd_thuis', 'review_on', 'offer_kind', 'offer_since', 'reason', 'recorded_from'])
        .select((eb) => eb.cast<string>('mask', 'text').as('mask'))
        .where('case_id', 'in', ids)
        .where('recorded_to', 'is', null)
        .execute(),
      this.db.selectFrom('readmodel.occurrences').select(['subject_id', 'kind', 'on_date', 'n', 'recorded_from']).where('subject_id', 'in', ids).where('recorded_to', 'is', null).execute(),
    ]);
    const entries = new Map<string, CachedCase>();
    for (const stream of streams) {
      const history = histories.get(stream) as StoredCaseEvent[] | undefined;
      if (!history) continue; // the stream is gone: erased after the log delivered these events
      const first = batch.get(stream)![0].revision;
      entries.set(caseIdOf(stream)!, { events: history.filter((e) => e.revision < first), current: [], batch: batchNo });
    }
    for (const r of stretchRows) {
      const spellStart: Extract<Fact, { table: 'stretches' }>['spellStart'] = {};
      if (r.s_officieel) spellStart.officieel = r.s_officieel;
      if (r.s_breed) spellStart.breed = r.s_breed;
      if (r.s_leerrecht) spellStart.leerrecht = r.s_leerrecht;
      if (r.s_geoorloofd_thuis) spellStart.geoorloofd_thuis = r.s_geoorloofd_thuis;
      const fact: Fact = {
        table: 'stretches',
        start: r.start_on,
        end: r.end_on,
        mask: BigInt(r.mask),
        spellStart,
        reviewOn: r.review_on,
        offer: r.offer_kind && r.offer_since ? { kind: r.offer_kind, since: r.offer_since } : null,
        reason: r.reason,
      };
      entries.get(r.case_id)?.current.push({ fact, from: r.recorded_from.toISOString() });
    }
    for (const r of occurrenceRows) entries.get(r.subject_id)?.current.push({ fact: { table: 'occurrences', kind: r.kind, on: r.on_date, n: r.n }, from: r.recorded_from.toISOString() });
    for (const [caseId, entry] of entries) this.cache.set(caseId, entry);
  }
}

/** The rows still believed after applying `changes` to `current`. */
function believedAfter(current: { fact: Fact; from: string }[], changes: RowChanges): { fact: Fact; from: string }[] {
  const gone = new Set([...changes.close, ...changes.remove].map((r) => `${factKey(r.fact)}@${r.from}`));
  return [
    ...current.filter((r) => !gone.has(`${factKey(r.fact)}@${r.from}`)),
    ...changes.insert.filter((r) => r.to === null).map(({ fact, from }) => ({ fact, from })),
  ];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
