// Ingesting events (CLI import and POST /api/events): check every event with the privacy guard, the schema and
// the write rules against its stream's state, then append all of them or nothing. Long inputs are worked through in
// slices of SLICE_MS, so other requests (and /api/health) are answered in between.
import { setImmediate } from 'node:timers/promises';
import {
  amsterdamDate,
  ConcurrencyError,
  decide,
  EventIdReusedError,
  parseEvent,
  privacyIssues,
  RecordedAtError,
  sameContent,
  StreamErasedError,
  type EventStore,
  type ExpectedRevision,
  type PactEvent,
  type StoredEvent,
} from '@pact/events';

/** One event to ingest as it came in; `line` is its line number in a file (or its index + 1 in a request). */
export interface IngestInput {
  line: number;
  value: unknown;
}

/** The rules ingest itself enforces beside `decide` (against the store's state). */
export type IngestCode = 'RECORDED_AT_BACKWARDS' | 'RECORDED_AT_IN_FUTURE' | 'EVENT_ID_REUSED' | 'STREAM_ERASED';

export interface LineError {
  line: number;
  field: string;
  code: string;
  message: string;
}

export interface IngestOptions {
  /** Accept `recordedAt` from the input (admin back-load). */
  historical?: boolean;
  clock?: () => Date;
  /** Optional expected revision per stream (optimistic concurrency, HTTP). */
  expectedRevisions?: Record<string, ExpectedRevision>;
  /**
   * Checked before anything is stored (e.g. scope of the role): an error for an event that may not be written, or
   * `hidden` for a stream the caller may not know of, which is then answered as a stream that does not exist.
   */
  authorise?: (event: PactEvent, history: readonly StoredEvent[]) => Omit<LineError, 'line'> | 'hidden' | undefined;
  /** Check everything, append nothing: the answer counts what would be appended and lists it in `planned`. */
  dryRun?: boolean;
}

export type IngestResult =
  | { ok: true; appended: number; duplicates: number; revisions: Record<string, number>; planned?: PactEvent[] }
  /** The first MAX_ERRORS errors by line; `count` of all of them, on `lines` lines; `codes`: every code among them. */
  | { ok: false; errors: LineError[]; count: number; lines: number; codes: string[] }
  | { ok: false; conflict: ConcurrencyError };

/** At most this many errors in an answer (the first by line); the rest are counted. */
export const MAX_ERRORS = 100;
const RETRIES_ON_CONFLICT = 3;
/** Longest stretch of work on the event loop before ingest lets other requests run. */
const SLICE_MS = 10;

/** A function that yields to the event loop when the caller has worked for SLICE_MS since the last yield. */
function yielder(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < SLICE_MS) return;
    await setImmediate();
    since = performance.now();
  };
}

/**
 * Reads NDJSON from a byte stream (a request body, a file) line by line, yielding to the event loop as it goes; a
 * line that is not JSON becomes an input that fails with a clear error, blank lines are skipped. Stops reading after
 * `max` events (`more`: there were more).
 */
export async function readNdjson(source: AsyncIterable<Uint8Array | string>, max = Infinity): Promise<{ inputs: IngestInput[]; more: boolean }> {
  const decoder = new TextDecoder();
  const pause = yielder();
  const inputs: IngestInput[] = [];
  let rest = '';
  let line = 0;
  const take = (raw: string) => {
    line++;
    const input = parseLine(raw, line);
    if (input) inputs.push(input);
    return inputs.length > max;
  };
  for await (const chunk of source) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n', start)) {
      if (take(rest.slice(start, end))) return { inputs: inputs.slice(0, max), more: true };
      start = end + 1;
      if ((line & 1023) === 0) await pause();
    }
    rest = rest.slice(start);
    await pause();
  }
  rest += decoder.decode();
  if (rest !== '' && take(rest)) return { inputs: inputs.slice(0, max), more: true };
  return { inputs, more: false };
}

/** One NDJSON line as an input; blank lines are skipped (undefined). */
function parseLine(raw: string, line: number): IngestInput | undefined {
  const text = raw.trim();
  return text === '' ? undefined : { line, value: parseJsonLine(text) };
}

/** Deeper than any request body or event of ours (an event nests 3 levels; privacy.ts stops at 64). */
export const MAX_JSON_DEPTH = 32;
/** More fields in one object than any event has (the widest has about a dozen). */
export const MAX_FIELDS = 1000;

/**
 * What makes JSON text too costly to parse, found in one pass over the text without parsing it: nesting deeper than
 * MAX_JSON_DEPTH (JSON.parse of 10 MB of `[[[[…` holds the event loop for seconds), or an object with more than
 * MAX_FIELDS fields (any walk over the keys of an object of 300,000 fields takes seconds). Brackets and colons
 * inside strings do not count.
 */
export function jsonTooCostly(text: string): { problem: 'depth' | 'fields'; element?: number } | undefined {
  const members: number[] = [];
  // the list of events (the outermost array, or one directly inside the outermost object) and where in it we are
  let list = -1;
  let element = 0;
  const found = (problem: 'depth' | 'fields') => ({ problem, ...(list === -1 ? {} : { element }) });
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      if (ch === 91 && list === -1 && members.length <= 1) list = members.length + 1;
      if (members.push(0) > MAX_JSON_DEPTH) return found('depth');
    } else if (ch === 93 || ch === 125) members.pop();
    else if (ch === 44 && members.length === list) element++;
    else if (ch === 58 && ++members[members.length - 1] > MAX_FIELDS) return found('fields');
  }
  return undefined;
}

/** Why JSON text is refused before parsing, in words. */
export const COSTLY_REASON = { depth: `dieper genest dan ${MAX_JSON_DEPTH} niveaus`, fields: `een object met meer dan ${MAX_FIELDS} velden` } as const;

class NotJson {
  constructor(readonly reason: string) {}
}

function parseJsonLine(raw: string): unknown {
  const costly = jsonTooCostly(raw);
  if (costly) return new NotJson(COSTLY_REASON[costly.problem]);
  try {
    return JSON.parse(raw);
  } catch (error) {
    return new NotJson(error instanceof RangeError ? COSTLY_REASON.depth : 'geen geldige JSON');
  }
}

/** Checks what can be checked without the store: privacy, schema, `recordedAt` only when historical. */
export function checkInput(input: IngestInput, historical: boolean): { event?: PactEvent; errors: LineError[] } {
  const { line, value } = input;
  if (value instanceof NotJson) return { errors: [{ line, field: '', code: 'INVALID_JSON', message: `Regel is ${value.reason}` }] };
  const privacy = privacyIssues(value);
  if (privacy.length > 0) return { errors: privacy.map((issue) => ({ line, ...issue })) };
  const parsed = parseEvent(value);
  if (!parsed.ok) return { errors: parsed.issues.map((issue) => ({ line, ...issue })) };
  const event = parsed.event;
  if (historical && event.recordedAt === undefined) {
    return { errors: [{ line, field: 'recordedAt', code: 'RECORDED_AT_REQUIRED', message: 'Historische import: recordedAt is verplicht' }] };
  }
  if (!historical && event.recordedAt !== undefined) {
    return {
      errors: [{ line, field: 'recordedAt', code: 'RECORDED_AT_NOT_ALLOWED', message: 'recordedAt wordt door de opslag gezet; alleen een historische import (admin, --historical) mag het meegeven' }],
    };
  }
  return { event, errors: [] };
}

const EVENT_ID_REUSED: Omit<LineError, 'line'> = {
  field: 'eventId',
  code: 'EVENT_ID_REUSED',
  message: 'Deze eventId hoort al bij een ander event; geef elk nieuw event een eigen eventId',
};

/** The errors as an answer: the first MAX_ERRORS by line, and how many there were on how many lines. */
function failed(all: LineError[]): IngestResult {
  all.sort((a, b) => a.line - b.line);
  return { ok: false, errors: all.slice(0, MAX_ERRORS), count: all.length, lines: new Set(all.map((e) => e.line)).size, codes: [...new Set(all.map((e) => e.code))] };
}

/** Validates every input, then appends all events or none. */
export async function ingest(store: EventStore, inputs: readonly IngestInput[], options: IngestOptions = {}): Promise<IngestResult> {
  const historical = options.historical ?? false;
  const clock = options.clock ?? (() => new Date());
  const errors: LineError[] = [];
  const events: { line: number; event: PactEvent }[] = [];
  const pause = yielder();
  for (const input of inputs) {
    const checked = checkInput(input, historical);
    for (const e of checked.errors) errors.push(e); // not push(...): one event can have 300,000 findings
    if (checked.event) events.push({ line: input.line, event: checked.event });
    await pause();
  }

  for (let attempt = 1; ; attempt++) {
    const streams = [...new Set(events.map((e) => e.event.stream))];
    const [stored, storedById] = await Promise.all([store.readStreams(streams), store.eventsById(events.map((e) => e.event.eventId))]);
    const ruleErrors: LineError[] = [];
    const writes = new Map<string, PactEvent[]>();
    const histories = new Map<string, PactEvent[]>();
    // By eventId: this input's events so far. Ids already in the log are in `storedById`, wherever they are.
    const known = new Map<string, PactEvent>();
    let duplicates = 0;
    for (const { line, event } of events) {
      await pause();
      const storedEvents = stored.get(event.stream) ?? [];
      const verdict = options.authorise?.(event, storedEvents);
      if (verdict && verdict !== 'hidden') {
        ruleErrors.push({ line, ...verdict });
        continue;
      }
      let history = histories.get(event.stream);
      if (!history) histories.set(event.stream, (history = verdict === 'hidden' ? [] : [...storedEvents]));
      const id = event.eventId.toLowerCase();
      // The same answer wherever the id is stored: the message names no stream and no scope. In a stream hidden
      // from the caller, the event is judged as one for a stream that does not exist (decide says so).
      const earlier = known.get(id) ?? storedById.get(id);
      if (earlier && !(verdict === 'hidden' && earlier.stream === event.stream)) {
        if (sameContent(earlier, event)) duplicates++;
        else ruleErrors.push({ line, ...EVENT_ID_REUSED });
        continue;
      }
      known.set(id, event);
      const today = amsterdamDate(historical && event.recordedAt ? new Date(event.recordedAt) : clock());
      const decision = decide(history, event, today);
      if (!decision.ok) {
        ruleErrors.push({ line, ...decision.error });
        continue;
      }
      history.push(event);
      const list = writes.get(event.stream);
      if (list) list.push(event);
      else writes.set(event.stream, [event]);
    }
    if (errors.length + ruleErrors.length > 0) return failed([...errors, ...ruleErrors]);
    if (options.dryRun) {
      const planned = [...writes.values()].flat();
      return { ok: true, appended: planned.length, duplicates, revisions: {}, planned };
    }

    try {
      const result = await store.append(
        [...writes].map(([stream, list]) => {
          const head = stored.get(stream);
          const loaded: ExpectedRevision = head ? head[head.length - 1].revision : 'no_stream';
          return { stream, events: list, expectedRevision: options.expectedRevisions?.[stream] ?? loaded };
        }),
        { historical },
      );
      return { ok: true, appended: result.appended, duplicates: duplicates + result.duplicates, revisions: result.revisions };
    } catch (error) {
      if (error instanceof RecordedAtError) {
        const line = events.find((e) => e.event.eventId === error.eventId)?.line ?? 0;
        const code = { missing: 'RECORDED_AT_REQUIRED', future: 'RECORDED_AT_IN_FUTURE', backwards: 'RECORDED_AT_BACKWARDS' }[error.reason];
        return failed([{ line, field: 'recordedAt', code, message: error.message }]);
      }
      if (error instanceof EventIdReusedError) {
        // a concurrent append took the id between our check and the store's
        const line = events.find((e) => e.event.eventId.toLowerCase() === error.eventId)?.line ?? 0;
        return failed([{ line, ...EVENT_ID_REUSED }]);
      }
      if (error instanceof StreamErasedError) {
        const line = events.find((e) => e.event.stream === error.stream)?.line ?? 0;
        return failed([{ line, field: 'stream', code: 'STREAM_ERASED', message: 'Deze stream is gewist op verzoek (AVG) en kan niet opnieuw worden gebruikt; geef de casus een nieuwe id' }]);
      }
      if (!(error instanceof ConcurrencyError)) throw error;
      // A caller's own expected revision is theirs to resolve; a stream that changed under our check is re-read.
      if (options.expectedRevisions?.[error.stream] !== undefined || attempt >= RETRIES_ON_CONFLICT) return { ok: false, conflict: error };
    }
  }
}
