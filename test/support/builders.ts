// Event builders for tests: valid events with exact dates, overridable field by field.
import { randomUUID } from 'node:crypto';
import type { EventData, EventType, PactEvent } from '@pact/events';

export const caseStream = (id: string = randomUUID()) => `case-${id}`;
export const meetingStream = (id: string = randomUUID()) => `meeting-${id}`;

/** A child's pseudonym: 32 characters of lower-case base32, as `pseudonymise` makes them. */
export function childRef(seed: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = '';
  let h = 2166136261;
  for (let i = 0; out.length < 32; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i % seed.length) ^ i, 16777619) >>> 0;
    out += alphabet[h % 32];
  }
  return out;
}

export function event<T extends EventType>(stream: string, type: T, data: EventData<T>, eventId: string = randomUUID()): PactEvent {
  return { eventId, type, stream, data, schemaVersion: 1 } as PactEvent;
}

export function opened(stream: string, effectiveOn: string, overrides: Partial<EventData<'CaseOpened'>> = {}): PactEvent {
  return event(stream, 'CaseOpened', {
    childRef: childRef(stream),
    gemeente: 'GM0344',
    swv: 'PO2601',
    sector: 'po',
    birthYear: 2013,
    signalledBy: 'school',
    enrolled: true,
    phase: 'op_school',
    effectiveOn,
    ...overrides,
  });
}
