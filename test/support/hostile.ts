// A seeded generator of hostile input for POST /api/events and `import`: every payload it makes must be refused.
// Each starts from an event that would be valid against a known store (`World`) and breaks it in one way: a wrong
// type, an unknown field, an oversized string, deep nesting, a `__proto__`/`constructor` key, an impossible or
// future date, a BSN / e-mail / phone number / date of birth hidden in any field or key, a wrong stream, a case that
// was never opened or is closed, a broken write rule, a reused eventId, a misplaced recordedAt, broken JSON; or it
// hides one such event in a huge batch. `hostileRequest` adds what only a request can get wrong.
import { activeEvents, addDays, caseIdOf, START, type CaseEvent, type EventStore, type StoredEvent } from '@pact/events';
import type { Rng } from './random-history.ts';

export interface WorldCase {
  stream: string;
  openedOn: string;
  gemeente: string;
  swv: string;
  /** Revision of its last event. */
  revision: number;
  /** An eventId stored in it (its CaseOpened). */
  eventId: string;
}

/** The store the payloads are aimed at: what exists in it, and "today" (the app's clock). */
export interface World {
  today: string;
  /** The latest `recordedAt` of any stored event (a historical event before it on such a stream goes back in time). */
  recordedAt: string;
  open: WorldCase[];
  closed: WorldCase[];
  meetings: string[];
  /** The registrator's gemeente (with swv OWN_SWV), and one outside its scope. */
  own: string;
  other: string;
}

export interface Hostile {
  kind: string;
  /** NDJSON lines, each one event (or what should have been one). */
  lines: string[];
  /** Indexes of the lines that are wrong: each must be named in the errors. */
  bad: number[];
  /** Indexes of the lines with identifying data: their errors must say PRIVACY_…, and never show the `secrets`. */
  privacy: number[];
  secrets: string[];
  /** Sent as a historical back-load (admin, `recordedAt` from the input). */
  historical?: boolean;
}

type Json = Record<string, unknown>;

/** The swv in the registrator's scope beside `World.own`; events made here name it. */
export const OWN_SWV = 'PO2601';

/** A case of neither the registrator's gemeente nor its swv. */
const foreignCase = (rng: Rng, world: World) => rng.pick(world.open.filter((x) => x.gemeente === world.other && x.swv !== OWN_SWV));

/** What the store holds, read through the port. */
export async function worldOf(store: EventStore, today: string, own: string, other: string): Promise<World> {
  const streams = new Map<string, StoredEvent[]>();
  for (let position = START; ; ) {
    const batch = await store.readAll(position, 1000);
    if (batch.events.length === 0) break;
    for (const e of batch.events) streams.set(e.stream, [...(streams.get(e.stream) ?? []), e]);
    position = batch.next;
  }
  const world: World = { today, recordedAt: '', open: [], closed: [], meetings: [], own, other };
  for (const [stream, events] of streams) {
    for (const e of events) if (e.recordedAt > world.recordedAt) world.recordedAt = e.recordedAt;
    if (!caseIdOf(stream)) {
      world.meetings.push(stream);
      continue;
    }
    const active = activeEvents(events as CaseEvent[]);
    const first = active[0];
    if (first?.type !== 'CaseOpened') continue; // a retracted case: neither open nor closed
    const c = { stream, openedOn: first.data.effectiveOn, gemeente: first.data.gemeente, swv: first.data.swv, revision: events[events.length - 1].revision, eventId: first.eventId };
    (active.some((e) => e.type === 'CaseClosed') ? world.closed : world.open).push(c);
  }
  return world;
}

// ---------------------------------------------------------------------------------------------------------------
// Valid events, to be broken

function uuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[rng.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const childRef = (rng: Rng) => Array.from({ length: 32 }, () => 'abcdefghijklmnopqrstuvwxyz234567'[rng.int(0, 31)]).join('');
const dayIn = (rng: Rng, from: string, to: string) => addDays(from, rng.int(0, Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000))));
const envelope = (rng: Rng, type: string, stream: string, data: Json): Json => ({ eventId: uuid(rng), type, stream, data, schemaVersion: 1 });

function opened(rng: Rng, world: World, stream = `case-${uuid(rng)}`, effectiveOn = dayIn(rng, addDays(world.today, -400), world.today)): Json {
  const phase = rng.pick(['op_school', 'minder_naar_school', 'thuis'] as const);
  return envelope(rng, 'CaseOpened', stream, {
    childRef: childRef(rng),
    gemeente: world.own,
    swv: OWN_SWV,
    sector: rng.pick(['po', 'vo', 'so', 'vso', 'mbo', 'geen']),
    birthYear: rng.int(2008, 2018),
    signalledBy: rng.pick(['school', 'leerplicht', 'swv', 'ouders', 'jeugdhulp', 'jgz', 'overig']),
    enrolled: rng.chance(0.8),
    phase,
    ...(phase === 'op_school' ? {} : { authorised: rng.chance(0.5), reason: rng.pick(['ziekte', 'psychisch', 'wachtlijst', 'schorsing']) }),
    effectiveOn,
  });
}

/** An event that may follow anything in an open case (no ending event: those need a state). */
function followUp(rng: Rng, stream: string, effectiveOn: string): Json {
  const on = { effectiveOn };
  const [type, data]: [string, Json] = rng.pick<[string, Json]>([
    ['PhaseChanged', { phase: 'thuis', authorised: rng.chance(0.5), reason: 'ziekte', ...on }],
    ['EnrolmentChanged', { enrolled: rng.chance(0.5), ...on }],
    ['ExemptionGranted', { article: rng.pick(['5a', '5b', '5c', '15']), ...on, until: addDays(effectiveOn, rng.int(0, 200)) }],
    ['ReducedTimetableGranted', { hoursPerWeek: rng.int(0, 40), ...on }],
    ['PlanAgreed', { accountableRole: 'school', planKind: 'onderwijs', reviewOn: addDays(effectiveOn, 90), ...on }],
    ['OfferStarted', { offerKind: rng.pick(['regulier', 'maatwerk', 'zorg']), ...on }],
    ['WaitlistEntered', { waitingFor: rng.pick(['so_vso', 'jeugdhulp', 'ggz', 'diagnostiek', 'tlv']), ...on }],
    ['Escalated', { level: rng.pick(['actietafel', 'bestuurlijk']), ...on }],
    ['CaseDiscussed', { forum: rng.pick(['leerplicht_swv', 'kernpartner', 'actietafel']), ...(rng.chance(0.5) ? { meetingId: uuid(rng) } : {}), ...on }],
    ['EnforcementRecorded', { measure: rng.pick(['waarschuwing', 'proces_verbaal', 'veilig_thuis', 'raad_kinderbescherming']), ...on }],
    ['CaseClosed', { outcome: rng.pick(['terug_naar_school', 'passend_aanbod', 'verhuisd', 'leeftijd', 'startkwalificatie', 'overig']), ...on }],
  ]);
  return envelope(rng, type, stream, data);
}

const meeting = (rng: Rng, world: World, stream = `meeting-${uuid(rng)}`): Json =>
  envelope(rng, 'MeetingHeld', stream, { forum: rng.pick(['leerplicht_swv', 'kernpartner', 'oogo']), gemeente: world.own, casesDiscussed: rng.int(0, 40), effectiveOn: dayIn(rng, addDays(world.today, -300), world.today) });

/** A valid event: a new case, a new meeting, or one more event of an open case. The lines before it open its case. */
function validEvent(rng: Rng, world: World): { before: Json[]; event: Json } {
  const r = rng.next();
  if (r < 0.3) return { before: [], event: opened(rng, world) };
  if (r < 0.4) return { before: [], event: meeting(rng, world) };
  if (r < 0.6) {
    const open = opened(rng, world);
    return { before: [open], event: followUp(rng, open.stream as string, dayIn(rng, (open.data as Json).effectiveOn as string, world.today)) };
  }
  const c = rng.pick(world.open);
  return { before: [], event: followUp(rng, c.stream, dayIn(rng, c.openedOn, world.today)) };
}

/** Lines of valid events only (fresh cases and their events), to surround a hostile one. */
export function validLines(rng: Rng, world: World, count: number): string[] {
  const lines: string[] = [];
  while (lines.length < count) {
    const open = opened(rng, world);
    lines.push(JSON.stringify(open));
    for (let i = rng.int(0, 3); i > 0 && lines.length < count; i--) {
      const next = followUp(rng, open.stream as string, dayIn(rng, (open.data as Json).effectiveOn as string, world.today));
      lines.push(JSON.stringify(next));
      if (next.type === 'CaseClosed') break; // nothing but a retraction may follow
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// Ways to break one event

/** Where a value can go: the envelope or its data, an existing field or a new one. */
function pickField(rng: Rng, event: Json): { target: Json; key: string } {
  const data = event.data as Json;
  const target = rng.chance(0.5) ? event : data;
  return { target, key: rng.pick(Object.keys(target)) };
}

const WRONG_TYPES: unknown[] = [123, -1, 1.5, 1e308, true, false, null, [], [1, 'a'], {}, { a: 1 }, '', ' ', 'x', '0'];
function wrongTypeFor(rng: Rng, value: unknown): unknown {
  for (;;) {
    const candidate = rng.pick(WRONG_TYPES);
    if (typeof candidate !== typeof value || Array.isArray(candidate) !== Array.isArray(value) || (candidate === null) !== (value === null)) return candidate;
  }
}

const UNKNOWN_NAMES = ['opmerking', 'notes', 'extra', 'effectiveon', 'effectiveOn ', 'EffectiveOn', 'data', 'type2', 'toString', 'valueOf', 'hasOwnProperty', '', ' ', '$where', '0', 'x'.repeat(300)];

/** A BSN that passes the elfproef, written bare or grouped. */
function bsn(rng: Rng): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, () => rng.int(0, 9));
    const check = digits.reduce((sum, d, i) => sum + (9 - i) * d, 0) % 11;
    if (check > 9 || digits.every((d) => d === 0)) continue;
    const s = [...digits, check].join('');
    return rng.pick([s, `${s.slice(0, 3)}.${s.slice(3, 6)}.${s.slice(6)}`, `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6)}`, `${s.slice(0, 4)}.${s.slice(4, 6)}.${s.slice(6)}`]);
  }
}

/** Identifying data as people write it, in one of the forms the privacy guard knows. */
function identifying(rng: Rng): { value: string; isoDate: boolean } {
  const r = rng.next();
  if (r < 0.35) return { value: bsn(rng), isoDate: false };
  if (r < 0.6) return { value: `${rng.pick(['j.de.vries', 'ouder', 'mo+school', 'a_b'])}${rng.int(1, 99)}@${rng.pick(['example.nl', 'gemeente.utrecht.nl', 'x.com'])}`, isoDate: false };
  if (r < 0.85) {
    const n = String(rng.int(10_000_000, 99_999_999));
    return { value: rng.pick([`06-${n}`, `06${n}`, `+31 6 ${n.slice(0, 4)} ${n.slice(4)}`, `0031 6 ${n}`, `030-${n.slice(1)}`, `020 ${n.slice(1, 4)} ${n.slice(4, 6)} ${n.slice(6)}`]), isoDate: false };
  }
  const [d, m, y] = [rng.int(1, 28), rng.int(1, 12), rng.int(2005, 2019)];
  const pad = (x: number) => String(x).padStart(2, '0');
  return rng.pick([
    { value: `${pad(d)}-${pad(m)}-${y}`, isoDate: false },
    { value: `${d} ${['januari', 'maart', 'mei', 'juli', 'oktober'][m % 5]} ${y}`, isoDate: false },
    { value: `${y}-${pad(m)}-${pad(d)}`, isoDate: true },
  ]);
}

const DATE_KEYS = new Set(['effectiveOn', 'reviewOn', 'until', 'recordedAt']);
const IDENTIFYING_KEYS = ['bsn', 'naam', 'achternaam', 'geboortedatum', 'adres', 'postcode', 'email', 'telefoon', 'Burgerservicenummer', 'dateOfBirth'];
const IMPOSSIBLE_DATES = ['2023-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '2024-06-00', '2024-1-05', '24-01-05', '2024-01-05T00:00', '2024/01/05', ' 2024-01-05', '２０２４-01-05'];

/** Defines an own, enumerable property, also for `__proto__` (an assignment would set the prototype instead). */
function define(target: Json, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const DEEP = '"__deep__"';

type Mutation = (rng: Rng, world: World, event: Json) => { text?: string; secret?: string; historical?: boolean } | void;

const MUTATIONS: Record<string, Mutation> = {
  'wrong type': (rng, _w, event) => {
    const { target, key } = pickField(rng, event);
    target[key] = wrongTypeFor(rng, target[key]);
  },
  'missing field': (rng, _w, event) => {
    const required = ['eventId', 'type', 'stream', 'data', 'schemaVersion', 'effectiveOn'];
    const key = rng.pick(required);
    if (key === 'effectiveOn') delete (event.data as Json).effectiveOn;
    else delete event[key];
  },
  'unknown field': (rng, _w, event) => {
    const target = rng.chance(0.5) ? event : (event.data as Json);
    let name = rng.pick(UNKNOWN_NAMES);
    if (Object.hasOwn(target, name)) name = `${name}_extra`;
    define(target, name, rng.pick<unknown>(['x', 1, true, null, { a: 1 }, [1]]));
  },
  'oversized string': (rng, _w, event) => {
    const { target, key } = pickField(rng, event);
    target[key] = rng.pick(['a', '0', '9', 'é', '\u202e', ' ']).repeat(rng.int(10_000, 300_000));
  },
  'deep nesting': (rng, _w, event) => {
    const { target, key } = pickField(rng, event);
    target[key] = '__deep__';
    const depth = rng.int(100, 20_000);
    const [open, close] = rng.chance(0.5) ? ['[', ']'] : ['{"a":', '}'];
    const nested = open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth);
    return { text: JSON.stringify(event).replace(DEEP, nested) };
  },
  'NUL byte': (rng, _w, event) => {
    const { target, key } = pickField(rng, event);
    const at = rng.pick(['\u0000', 'a\u0000b', `${String(target[key]).slice(0, 8)}\u0000`, '\u0000'.repeat(rng.int(2, 1000))]);
    if (rng.chance(0.3)) define(target, `veld${at}`, 1); // in a key
    else target[key] = at;
  },
  'huge field count': (rng, _w, event) => {
    const target = rng.chance(0.5) ? event : (event.data as Json);
    const n = rng.int(1_000, 60_000);
    for (let i = 0; i < n; i++) define(target, `f${i}`, rng.pick<unknown>([i, 'x', null]));
  },
  'extreme date': (rng, _w, event) => {
    const data = event.data as Json;
    const extreme = rng.pick(['275760-09-13', '-271821-04-20', '+275760-09-13', '99999-01-01', '0000-01-01', '1900-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '２０２４-０１-０１']);
    if (rng.chance(0.3)) return { text: JSON.stringify({ ...event, recordedAt: `${extreme}T00:00:00Z` }), historical: true };
    data[rng.pick(Object.keys(data).filter((k) => DATE_KEYS.has(k)))] = extreme;
  },
  'prototype key': (rng, _w, event) => {
    const target = rng.chance(0.5) ? event : (event.data as Json);
    define(target, rng.pick(['__proto__', 'constructor', 'prototype']), rng.pick<unknown>([{ isAdmin: true }, { effectiveOn: '2024-01-01' }, 1, null, 'x']));
  },
  'impossible date': (rng, _w, event) => {
    const data = event.data as Json;
    if (rng.chance(0.2)) return { text: JSON.stringify({ ...event, recordedAt: `${rng.pick(IMPOSSIBLE_DATES.slice(0, 6))}T10:00:00Z` }), historical: true };
    data[rng.pick(Object.keys(data).filter((k) => DATE_KEYS.has(k)))] = rng.pick(IMPOSSIBLE_DATES);
  },
  'future date': (rng, world, event) => {
    if (rng.chance(0.25)) {
      const at = `${addDays(world.today, rng.int(2, 800))}T10:00:00Z`;
      return { text: JSON.stringify({ ...event, recordedAt: at }), historical: true };
    }
    (event.data as Json).effectiveOn = addDays(world.today, rng.int(1, 800));
  },
  'identifying data': (rng, _w, event) => {
    const { value, isoDate } = identifying(rng);
    const r = rng.next();
    if (r < 0.15) {
      define(rng.chance(0.5) ? event : (event.data as Json), rng.pick(IDENTIFYING_KEYS), rng.chance(0.5) ? value : 'x');
    } else if (r < 0.3 && !isoDate) {
      define(rng.chance(0.5) ? event : (event.data as Json), value, 1); // as a key
    } else if (r < 0.45) {
      define(rng.chance(0.5) ? event : (event.data as Json), rng.pick(['opmerking', 'extra', 'toelichting']), rng.pick<unknown>([value, `zie ${value} voor contact`, [1, { x: value }], { diep: { dieper: value } }]));
    } else {
      const { target, key } = pickField(rng, event);
      if (key === 'data' || (isoDate && DATE_KEYS.has(key))) target.opmerking = value; // an ISO date is what a date field holds
      else target[key] = typeof target[key] === 'number' && /^[1-9]\d{8}$/.test(value) ? Number(value) : value; // a number keeps 9 digits
    }
    return { secret: value };
  },
  'wrong stream': (rng, _w, event) => {
    const id = (event.stream as string).replace(/^(case|meeting)-/, '');
    const isMeeting = event.type === 'MeetingHeld';
    event.stream = rng.pick([
      `${isMeeting ? 'case' : 'meeting'}-${id}`,
      `Case-${id}`,
      `cases-${id}`,
      `casus-${id}`,
      `case_${id}`,
      `case-${id.toUpperCase()}`,
      id,
      `case-${id} `,
      `case-${id}-1`,
      'case-123',
      `case-${id.slice(0, -1)}g`,
      '',
      `../case-${id}`,
    ]);
  },
  'broken JSON': (rng, _w, event) => {
    const text = JSON.stringify(event);
    return {
      text: rng.pick([
        text.slice(0, rng.int(1, text.length - 1)),
        `${text},`,
        `${text}}`,
        text.replace(/"/g, "'"),
        text.replace('1}', 'NaN}'),
        `// ${text}`,
        `${text} ${text}`,
        text.replace(':', ' '),
        '\u0000\u0001\u00ff',
        '{',
        'null',
        '[]',
        '"event"',
        '42',
      ]),
    };
  },
};

/** Lines that break a write rule against the stored state (the bad one last). */
function ruleBreaker(rng: Rng, world: World): { lines: Json[]; kind: string; historical?: boolean } {
  const c = rng.pick(world.open);
  const closed = rng.pick(world.closed);
  const fresh = opened(rng, world);
  const freshStream = fresh.stream as string;
  const freshOn = (fresh.data as Json).effectiveOn as string;
  const options: (() => { lines: Json[]; kind: string; historical?: boolean })[] = [
    () => ({ kind: 'case not opened', lines: [followUp(rng, `case-${uuid(rng)}`, world.today)] }),
    () => ({ kind: 'event after CaseClosed', lines: [followUp(rng, closed.stream, world.today)] }),
    () => ({ kind: 'second CaseOpened', lines: [opened(rng, world, rng.chance(0.5) ? c.stream : closed.stream)] }),
    () => ({ kind: 'second CaseOpened', lines: [fresh, opened(rng, world, freshStream, freshOn)] }),
    () => ({ kind: 'before opening', lines: [followUp(rng, c.stream, addDays(c.openedOn, -rng.int(1, 300)))] }),
    () => ({
      kind: 'nothing to end',
      lines: [fresh, envelope(rng, rng.pick(['ExemptionEnded', 'ReducedTimetableEnded']), freshStream, { effectiveOn: freshOn })],
    }),
    () => ({ kind: 'nothing to end', lines: [fresh, envelope(rng, 'PlanEnded', freshStream, { outcome: 'mislukt', effectiveOn: freshOn })] }),
    () => ({ kind: 'nothing to end', lines: [fresh, envelope(rng, 'WaitlistLeft', freshStream, { waitingFor: 'ggz', effectiveOn: freshOn })] }),
    () => ({ kind: 'retract what is not there', lines: [envelope(rng, 'EventRetracted', c.stream, { retractedEventId: uuid(rng), reason: 'invoerfout', effectiveOn: world.today })] }),
    () => {
      const retraction = envelope(rng, 'EventRetracted', freshStream, { retractedEventId: fresh.eventId, reason: 'dubbel', effectiveOn: freshOn });
      return { kind: 'retract a retraction', lines: [fresh, retraction, envelope(rng, 'EventRetracted', freshStream, { retractedEventId: retraction.eventId, reason: 'dubbel', effectiveOn: freshOn })] };
    },
    () => {
      const retraction = envelope(rng, 'EventRetracted', freshStream, { retractedEventId: fresh.eventId, reason: 'verkeerd_kind', effectiveOn: freshOn });
      return { kind: 'write to a retracted case', lines: [fresh, retraction, followUp(rng, freshStream, freshOn)] };
    },
    () => {
      const e = opened(rng, world);
      (e.data as Json).birthYear = rng.pick([1990, 1994, Number(world.today.slice(0, 4)) - 2, 2030]);
      return { kind: 'birth year out of range', lines: [e] };
    },
    () => ({ kind: 'second MeetingHeld', lines: [meeting(rng, world, rng.pick(world.meetings))] }),
    () => {
      const m = meeting(rng, world);
      return { kind: 'second MeetingHeld', lines: [m, meeting(rng, world, m.stream as string)] };
    },
    () => {
      const reused = followUp(rng, c.stream, world.today);
      reused.eventId = rng.chance(0.5) ? c.eventId : c.eventId.toUpperCase();
      return { kind: 'eventId reused', lines: [reused] };
    },
    () => ({ kind: 'eventId reused', lines: [fresh, { ...opened(rng, world), eventId: fresh.eventId }] }),
    // the id of an event in another stream (any gemeente's), in any letter case
    () => ({ kind: 'eventId of another stream', lines: [{ ...fresh, eventId: rng.chance(0.5) ? c.eventId : c.eventId.toUpperCase() }] }),
    () => ({ kind: 'recordedAt without historical', lines: [{ ...fresh, recordedAt: `${freshOn}T10:00:00Z` }] }),
    () => ({ kind: 'historical without recordedAt', lines: [fresh], historical: true }),
    () => {
      const at = new Date(Date.parse(world.recordedAt) - rng.int(1, 100) * 3_600_000).toISOString();
      return { kind: 'recordedAt going back', lines: [{ ...followUp(rng, c.stream, c.openedOn), recordedAt: at }], historical: true };
    },
  ];
  return rng.pick(options)();
}

/** One hostile payload: one broken event (with what it needs before it), or a rule broken against the store. */
export function hostileLines(rng: Rng, world: World): Hostile {
  if (rng.chance(0.3)) {
    const broken = ruleBreaker(rng, world);
    const lines = broken.lines.map((e) => JSON.stringify(e));
    return { kind: broken.kind, lines, bad: [lines.length - 1], privacy: [], secrets: [], historical: broken.historical };
  }
  const kind = rng.pick(Object.keys(MUTATIONS));
  const { before, event } = validEvent(rng, world);
  const result = MUTATIONS[kind](rng, world, event) ?? {};
  // in a historical back-load every event carries its recordedAt
  const recorded = (e: Json) => (result.historical ? { ...e, recordedAt: `${world.today}T00:00:00Z` } : e);
  const lines = [...before.map((e) => JSON.stringify(recorded(e))), result.text ?? JSON.stringify(event)];
  const last = lines.length - 1;
  return { kind, lines, bad: [last], privacy: result.secret ? [last] : [], secrets: result.secret ? [result.secret] : [], historical: result.historical };
}

/** Several hostile payloads among valid lines in one file or request (`huge`: thousands of valid lines). */
export function hostileBatch(rng: Rng, world: World, options: { parts: number; valid: number }): Hostile {
  const out: Hostile = { kind: options.valid > 100 ? 'huge batch' : 'batch', lines: validLines(rng, world, rng.int(0, options.valid)), bad: [], privacy: [], secrets: [] };
  for (let i = 0; i < options.parts; i++) {
    const part = hostileLines(rng, world);
    if (part.historical !== undefined) continue; // the whole batch is one kind of import
    // keep a part's lines together (a later line may need an earlier one), shifting what comes after
    const at = rng.int(0, out.lines.length);
    const shift = (indexes: number[]) => indexes.map((b) => (b >= at ? b + part.lines.length : b));
    out.lines.splice(at, 0, ...part.lines);
    out.bad = [...shift(out.bad), ...part.bad.map((b) => b + at)];
    out.privacy = [...shift(out.privacy), ...part.privacy.map((b) => b + at)];
    out.secrets.push(...part.secrets);
  }
  if (out.bad.length === 0) return hostileBatch(rng, world, options);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

export interface HostileRequest {
  kind: string;
  query: string;
  contentType: string;
  body: string;
  /** Who sends it. */
  as: 'admin' | 'registrator';
  /** Lines as numbered in the errors (1-based) that must be named; empty when the request as a whole is refused. */
  badLines: number[];
  /** Lines (1-based) whose errors must say PRIVACY_…, and values no answer may show. */
  privacyLines: number[];
  secrets: string[];
  /** The status the request must get, when only one is right. */
  status?: number;
  /** For a stale expectedRevision: the stream and its current revision (409 details). */
  conflict?: { stream: string; currentRevision: number };
}

const isJson = (line: string) => {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
};

function asRequest(hostile: Hostile, rng: Rng): HostileRequest {
  const base = {
    kind: hostile.kind,
    badLines: hostile.bad.map((b) => b + 1),
    privacyLines: hostile.privacy.map((b) => b + 1),
    secrets: hostile.secrets,
    query: hostile.historical ? '?historical=true' : '',
    as: 'admin' as const,
  };
  if (!hostile.lines.every(isJson) || rng.chance(0.25)) {
    const crlf = rng.chance(0.3) ? '\r\n' : '\n';
    return { ...base, contentType: 'application/x-ndjson', body: hostile.lines.join(crlf) };
  }
  const array = `[${hostile.lines.join(',')}]`;
  return { ...base, contentType: rng.pick(['application/json', 'application/json; charset=utf-8']), body: rng.chance(0.3) ? `{"events":${array}}` : array };
}

/** A hostile request: a hostile payload in one of the accepted forms, or a request wrong as a whole. */
export function hostileRequest(rng: Rng, world: World, options: { huge: number }): HostileRequest {
  const r = rng.next();
  if (r < 0.68) return asRequest(hostileLines(rng, world), rng);
  if (r < 0.72) return asRequest(hostileBatch(rng, world, { parts: rng.int(1, 4), valid: 30 }), rng);
  if (r < 0.73) return asRequest(hostileBatch(rng, world, { parts: 1, valid: options.huge }), rng);
  const valid = validLines(rng, world, rng.int(1, 3));
  const events = `[${valid.join(',')}]`;
  const c = rng.pick(world.open);
  const json = 'application/json';
  const whole = (kind: string, status: number, body: string, extra: Partial<HostileRequest> = {}): HostileRequest => ({
    kind,
    query: '',
    contentType: json,
    as: 'admin',
    badLines: [],
    privacyLines: [],
    secrets: [],
    status,
    body,
    ...extra,
  });
  const requests: (() => HostileRequest)[] = [
    () => whole('body: not a list', 400, rng.pick(['"events"', '42', 'null', 'true', '{}', '{"event":[]}', `{"events":${events},"extra":1}`, `{"events":"${valid.length}"}`])),
    () => whole('body: no events', 400, rng.pick(['[]', '{"events":[]}'])),
    () => whole('body: invalid JSON', 400, rng.pick(['[', `${events}]`, "[{'a':1}]", '[1,2', '\u0000', `${events.slice(0, -1)},]`])),
    () => whole('body: deep nesting', 400, '['.repeat(rng.int(1000, 100_000)) + ']'.repeat(rng.int(1000, 100_000))),
    () => whole('expectedRevision: not a revision', 400, `{"events":${events},"expectedRevision":${rng.pick([`{"${c.stream}":-1}`, `{"${c.stream}":1.5}`, `{"${c.stream}":"0"}`, `{"${c.stream}":null}`, '{"Case-x":0}', '{"__proto__":{"x":1}}', '[0]', '"any"'])}}`),
    () => {
      const stale = rng.pick<number | 'no_stream'>(['no_stream', c.revision + rng.int(1, 5), ...(c.revision > 0 ? [rng.int(0, c.revision - 1)] : [])]);
      const body = `{"events":[${JSON.stringify(followUp(rng, c.stream, world.today))}],"expectedRevision":{"${c.stream}":${JSON.stringify(stale)}}}`;
      return whole('expectedRevision: stale', 409, body, { conflict: { stream: c.stream, currentRevision: c.revision } });
    },
    () => whole('content type', 415, events, { contentType: rng.pick(['text/plain', 'application/xml', 'text/x-ndjson', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']) }),
    () => whole('query: historical', 400, events, { query: rng.pick(['?historical=yes', '?historical=1', '?historical=TRUE']) }),
    () => whole('historical by a registrator', 403, `[${JSON.stringify({ ...JSON.parse(valid[0]), recordedAt: `${world.today}T08:00:00Z` })}]`, { query: '?historical=true', as: 'registrator' }),
    () => {
      const e = opened(rng, world);
      (e.data as Json).gemeente = world.other;
      (e.data as Json).swv = 'VO2602';
      return whole('another gemeente (registrator)', 403, `[${JSON.stringify(e)}]`, { as: 'registrator', badLines: [1] });
    },
    () => {
      const foreign = foreignCase(rng, world);
      return whole('another gemeente’s case (registrator)', 422, `[${JSON.stringify(followUp(rng, foreign.stream, world.today))}]`, { as: 'registrator', badLines: [1] });
    },
    () => {
      const foreign = foreignCase(rng, world);
      const e: Json = { ...opened(rng, world), eventId: foreign.eventId };
      return whole('another gemeente’s eventId (registrator)', 422, `[${JSON.stringify(e)},${JSON.stringify(followUp(rng, e.stream as string, world.today))}]`, { as: 'registrator', badLines: [1, 2] });
    },
    () => whole('too many events', 413, `[${Array.from({ length: 5001 + rng.int(0, 2000) }, () => rng.pick(['0', '{}', 'null', valid[0]])).join(',')}]`),
  ];
  return rng.pick(requests)();
}

// ---------------------------------------------------------------------------------------------------------------
// Other routes: query parameters, names and headers

export interface HostileCall {
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Who sends it (an API token of that role); `none`: nobody logged in. */
  as: 'admin' | 'beleid' | 'raad' | 'none';
}

const EXTREME_INSTANTS = ['99999', '275760-09-13', '-271821-04-20T00:00:00Z', '+275760-09-13T00:00:00Z', '2024-02-30', "' OR '1'='1", '2024-03-01T24:00:00Z', '2024-03-01T12:00:00', '1e308', 'NaN', '0', '-1', '2024-03-01T12:00:00+99:00', '\u0000'];
const RANGES = ['bytes=5-1', 'bytes=99999999-100000000', 'bytes=-5', 'bytes=-0', 'bytes=0-', 'bytes=--1', 'bytes=0-1,5-9', 'bytes=1-2-3', 'bytes=18446744073709551616-', 'items=0-1', 'bytes=-99999999999'];

/** A hostile call to a report, login, admin or dashboard route: never a 5xx, never the input echoed. */
export function hostileCall(rng: Rng): HostileCall {
  const q = encodeURIComponent;
  const weird = () => rng.pick([...EXTREME_INSTANTS, 'GM0344\u0000', '123456782', 'x'.repeat(rng.int(1, 5000)), '%', '../..', '<script>']);
  const json = { 'content-type': 'application/json', origin: 'http://localhost' };
  const calls: (() => HostileCall)[] = [
    () => ({ kind: 'report asOf', method: 'GET', path: `/api/reports/year?year=2023-2024&gemeente=GM0344&asOf=${q(rng.pick(EXTREME_INSTANTS))}`, headers: {}, as: rng.pick(['beleid', 'raad'] as const) }),
    () => ({ kind: 'monthly asOf', method: 'GET', path: `/api/reports/monthly?from=2023-08&to=2024-07&gemeente=GM0344&asOf=${q(rng.pick(EXTREME_INSTANTS))}`, headers: {}, as: 'beleid' }),
    () => ({ kind: 'report parameters', method: 'GET', path: `/api/reports/year?year=${q(weird())}&gemeente=${q(weird())}&profile=${q(weird())}`, headers: {}, as: rng.pick(['beleid', 'raad', 'admin'] as const) }),
    () => ({ kind: 'monthly parameters', method: 'GET', path: `/api/reports/monthly?from=${q(weird())}&to=${q(weird())}&swv=${q(weird())}`, headers: {}, as: 'beleid' }),
    () => ({ kind: 'case parameters', method: 'GET', path: `/api/cases/${q(weird())}?on=${q(weird())}`, headers: {}, as: 'beleid' }),
    () => ({ kind: 'signals parameters', method: 'GET', path: `/api/signals?on=${q(weird())}&gemeente=GM0344`, headers: {}, as: 'beleid' }),
    () => ({ kind: 'export parameters', method: 'GET', path: `/api/exports/cases?on=${q(weird())}&asOf=${q(rng.pick(EXTREME_INSTANTS))}&gemeente=GM0344&format=csv`, headers: {}, as: 'beleid' }),
    () => ({ kind: 'publication asOf', method: 'POST', path: '/api/publications', headers: json, body: JSON.stringify({ gemeente: 'GM0344', asOf: rng.pick(EXTREME_INSTANTS) }), as: 'beleid' }),
    () => ({ kind: 'login NUL', method: 'POST', path: '/api/auth/login', headers: json, body: JSON.stringify({ username: `ad${'\u0000'.repeat(rng.int(1, 3))}min`, password: rng.pick(['x', '\u0000', 'y'.repeat(2000)]) }), as: 'none' }),
    () => ({ kind: 'login huge', method: 'POST', path: '/api/auth/login', headers: json, body: JSON.stringify({ username: 'admin', password: 'p'.repeat(rng.int(20_000, 200_000)) }), as: 'none' }),
    () => ({ kind: 'user NUL', method: 'POST', path: '/api/admin/users', headers: json, body: JSON.stringify({ username: `ja\u0000n${rng.int(1, 999)}`, role: 'beleid', scope: ['GM0344'] }), as: 'admin' }),
    () => ({ kind: 'token NUL', method: 'POST', path: '/api/admin/tokens', headers: json, body: JSON.stringify({ name: `im\u0000port${rng.int(1, 999)}`, role: 'registrator', scope: ['GM0344'] }), as: 'admin' }),
    () => ({ kind: 'token expired', method: 'POST', path: '/api/admin/tokens', headers: json, body: JSON.stringify({ name: 'oud', role: 'registrator', scope: ['GM0344'], expiresAt: rng.pick(['2020-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '+275760-09-13T00:00:00Z']) }), as: 'admin' }),
    () => ({ kind: 'user scope', method: 'POST', path: '/api/admin/users', headers: json, body: JSON.stringify({ username: `u${rng.int(1, 99999)}`, role: rng.pick(['beleid', 'raad', 'registrator']), scope: rng.pick([[], ['GM0344', 'PO2601'], ['123456782'], ['GM0344\u0000']]) }), as: 'admin' }),
    () => ({ kind: 'unauthenticated body', method: 'POST', path: rng.pick(['/api/events', '/api/admin/tokens', '/api/publications']), headers: { 'content-type': 'application/json' }, body: `[${'{"a":1},'.repeat(rng.int(1, 100_000))}`, as: 'none' }),
    () => ({ kind: 'range', method: 'GET', path: rng.pick(['/', '/jaarrapportage', '/favicon.svg', '/assets/none.js']), headers: { range: rng.pick(RANGES) }, as: 'none' }),
    () => ({ kind: 'path', method: 'GET', path: `/api/${q(weird())}`, headers: {}, as: rng.pick(['beleid', 'none'] as const) }),
  ];
  return rng.pick(calls)();
}
