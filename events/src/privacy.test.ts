import { describe, it, expect } from 'vitest';
import { findPrivacyKind, passesElfproef, privacyIssues } from './privacy.ts';

const CASE_ID = '3f2b8c1e-7a4d-4e9b-9c21-5d6e7f8a9b0c';
const EVENT_ID = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';
const CHILD_REF = 'kw4gcr72s4c5g5li74idpulmdyiwlxf4'; // 32 chars of lower-case base32

/** A valid CaseOpened envelope; `data` overrides are merged in. */
function envelope(data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    eventId: EVENT_ID,
    type: 'CaseOpened',
    stream: `case-${CASE_ID}`,
    data: {
      childRef: CHILD_REF,
      gemeente: 'GM0344',
      swv: 'PO2601',
      sector: 'po',
      birthYear: 2013,
      signalledBy: 'school',
      enrolled: true,
      phase: 'thuis',
      authorised: false,
      reason: 'schooltrauma',
      effectiveOn: '2024-02-29',
      ...data,
    },
    schemaVersion: 1,
    ...extra,
  };
}

const codes = (payload: unknown) => privacyIssues(payload).map((i) => `${i.field}:${i.code}`);

describe('passesElfproef', () => {
  it('accepts valid test BSNs', () => {
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456782')).toBe(true);
    expect(passesElfproef('012345672')).toBe(true);
  });

  it('rejects numbers that fail the elfproef', () => {
    expect(passesElfproef('123456789')).toBe(false);
    expect(passesElfproef('111222334')).toBe(false);
    expect(passesElfproef('123456781')).toBe(false);
  });

  it('rejects all zeros, wrong lengths and non-digits', () => {
    expect(passesElfproef('000000000')).toBe(false);
    expect(passesElfproef('12345678')).toBe(false);
    expect(passesElfproef('1234567820')).toBe(false);
    expect(passesElfproef('12345678a')).toBe(false);
    expect(passesElfproef('123 456 782')).toBe(false);
  });
});

describe('findPrivacyKind', () => {
  it('finds a BSN bare, in text and grouped 3-3-3 with dots, spaces or hyphens', () => {
    expect(findPrivacyKind('123456782', 'x')).toBe('BSN');
    expect(findPrivacyKind('bsn 111222333 van het kind', 'x')).toBe('BSN');
    expect(findPrivacyKind('123.456.782', 'x')).toBe('BSN');
    expect(findPrivacyKind('123 456 782', 'x')).toBe('BSN');
    expect(findPrivacyKind('123-456-782', 'x')).toBe('BSN');
    expect(findPrivacyKind('1234.56.782', 'x')).toBe('BSN');
  });

  it('does not call 9 digits failing the elfproef, or part of a longer number, a BSN', () => {
    expect(findPrivacyKind('123456789', 'x')).toBeUndefined();
    expect(findPrivacyKind('1123456782', 'x')).toBeUndefined();
  });

  it('finds e-mail addresses', () => {
    expect(findPrivacyKind('ouder@example.nl', 'x')).toBe('EMAIL');
    expect(findPrivacyKind('mail j.de.vries+school@gemeente.utrecht.nl graag', 'x')).toBe('EMAIL');
  });

  it('checks values of megabytes as well (the search does not rescan the value from every position)', () => {
    const padding = '0'.repeat(4_000_000);
    expect(findPrivacyKind(`${padding} ouder@example.nl`, 'x')).toBe('EMAIL');
    expect(findPrivacyKind(`${'a'.repeat(2_000_000)}@${'b'.repeat(2_000_000)}`, 'x')).toBeUndefined();
    expect(findPrivacyKind(`${padding}@x`, 'x')).toBeUndefined();
  });

  it('finds Dutch phone numbers in the usual notations', () => {
    expect(findPrivacyKind('06-12345678', 'x')).toBe('PHONE');
    expect(findPrivacyKind('0612345678', 'x')).toBe('PHONE');
    expect(findPrivacyKind('+31 6 1234 5678', 'x')).toBe('PHONE');
    expect(findPrivacyKind('+31612345678', 'x')).toBe('PHONE');
    expect(findPrivacyKind('0031 6 12345678', 'x')).toBe('PHONE');
    expect(findPrivacyKind('030-1234567', 'x')).toBe('PHONE');
    expect(findPrivacyKind('bel 020 123 45 67', 'x')).toBe('PHONE');
    expect(findPrivacyKind('+32 470 12 34 56', 'x')).toBe('PHONE');
  });

  it('finds dates of birth written day-month-year, with digits or a Dutch month name', () => {
    expect(findPrivacyKind('12-03-2011', 'x')).toBe('BIRTH_DATE');
    expect(findPrivacyKind('12/3/2011', 'x')).toBe('BIRTH_DATE');
    expect(findPrivacyKind('12.03.2011', 'x')).toBe('BIRTH_DATE');
    expect(findPrivacyKind('12 maart 2011', 'x')).toBe('BIRTH_DATE');
    expect(findPrivacyKind('geboren 1 Mrt. 2011', 'x')).toBe('BIRTH_DATE');
  });

  it('finds an ISO date only in a field that is not a date field', () => {
    expect(findPrivacyKind('2011-03-12', 'opmerking')).toBe('BIRTH_DATE');
    expect(findPrivacyKind('2011-03-12', '')).toBe('BIRTH_DATE');
    expect(findPrivacyKind('2024-02-29', 'effectiveOn')).toBeUndefined();
    expect(findPrivacyKind('2024-06-30', 'reviewOn')).toBeUndefined();
    expect(findPrivacyKind('2024-09-30', 'nextReviewOn')).toBeUndefined(); // v2: PlanReviewed's date field
    expect(findPrivacyKind('2024-07-31', 'until')).toBeUndefined();
    expect(findPrivacyKind('2024-03-01T10:15:00+01:00', 'recordedAt')).toBeUndefined();
  });

  it('leaves UUIDs, codes, enum values and plain numbers alone', () => {
    expect(findPrivacyKind(CASE_ID, 'x')).toBeUndefined();
    expect(findPrivacyKind('00000000-0000-4000-8000-111222333abc', 'eventId')).toBeUndefined();
    expect(findPrivacyKind('GM0344', 'gemeente')).toBeUndefined();
    expect(findPrivacyKind('PO2601', 'swv')).toBeUndefined();
    expect(findPrivacyKind('minder_naar_school', 'phase')).toBeUndefined();
    expect(findPrivacyKind('2013', 'birthYear')).toBeUndefined();
    expect(findPrivacyKind(CHILD_REF, 'childRef')).toBeUndefined();
  });
});

describe('privacyIssues', () => {
  it('finds nothing in a normal valid event', () => {
    expect(privacyIssues(envelope())).toEqual([]);
    expect(
      privacyIssues({
        eventId: EVENT_ID,
        type: 'PlanAgreed',
        stream: `case-${CASE_ID}`,
        data: { accountableRole: 'swv', planKind: 'onderwijs_zorg', reviewOn: '2024-06-30', effectiveOn: '2024-03-01' },
        recordedAt: '2024-03-04T09:12:44.123Z',
        schemaVersion: 1,
      }),
    ).toEqual([]);
    expect(
      privacyIssues({
        eventId: EVENT_ID,
        type: 'EventRetracted',
        stream: `case-${CASE_ID}`,
        data: { retractedEventId: '9d8c7b6a-5f4e-4d3c-8b2a-190817263544', reason: 'dubbel', effectiveOn: '2024-03-01' },
        schemaVersion: 1,
      }),
    ).toEqual([]);
    expect(
      privacyIssues({
        eventId: EVENT_ID,
        type: 'MeetingHeld',
        stream: `meeting-${CASE_ID}`,
        data: { forum: 'leerplicht_swv', gemeente: 'GM0344', swv: 'PO2601', casesDiscussed: 12, effectiveOn: '2024-03-12' },
        schemaVersion: 1,
      }),
    ).toEqual([]);
  });

  it('finds nothing in streams whose UUID happens to contain digit runs', () => {
    // 111222333 passes the elfproef, 0612345678 looks like a mobile number: inside a stream id they are neither.
    expect(privacyIssues(envelope({}, { stream: 'case-00000000-0000-4000-8000-111222333abc' }))).toEqual([]);
    expect(privacyIssues(envelope({}, { stream: 'case-06123456-78ab-4cde-8f00-abcdefabcdef' }))).toEqual([]);
    expect(privacyIssues(envelope({}, { stream: 'meeting-00000000-0000-4000-8000-111222333abc' }))).toEqual([]);
  });

  it('finds a BSN hidden in any field, with the field path and the kind', () => {
    expect(privacyIssues(envelope({ childRef: '123456782' }))).toEqual([
      {
        field: 'data.childRef',
        code: 'PRIVACY_BSN',
        message: expect.stringContaining('BSN'),
      },
    ]);
    expect(codes(envelope({ reason: '123.456.782' }))).toEqual(['data.reason:PRIVACY_BSN']);
    expect(codes(envelope({ reason: '111 222 333' }))).toEqual(['data.reason:PRIVACY_BSN']);
    expect(codes(envelope({}, { type: 'kind 111222333' }))).toEqual(['type:PRIVACY_BSN']);
  });

  it('finds a BSN sent as a number', () => {
    expect(codes(envelope({ birthYear: 123456782 }))).toEqual(['data.birthYear:PRIVACY_BSN']);
  });

  it('finds an e-mail address, a phone number and a date of birth', () => {
    expect(codes(envelope({ gemeente: 'ouder@example.nl' }))).toEqual(['data.gemeente:PRIVACY_EMAIL']);
    expect(codes(envelope({ reason: '06-12345678' }))).toEqual(['data.reason:PRIVACY_PHONE']);
    expect(codes(envelope({ reason: '+31 6 1234 5678' }))).toEqual(['data.reason:PRIVACY_PHONE']);
    expect(codes(envelope({ swv: '030-1234567' }))).toEqual(['data.swv:PRIVACY_PHONE']);
    expect(codes(envelope({ reason: '12-03-2011' }))).toEqual(['data.reason:PRIVACY_BIRTH_DATE']);
    expect(codes(envelope({ reason: '12 maart 2011' }))).toEqual(['data.reason:PRIVACY_BIRTH_DATE']);
    expect(codes(envelope({ sector: '2011-03-12' }))).toEqual(['data.sector:PRIVACY_BIRTH_DATE']);
  });

  it('accepts an ISO date in a date field but not in another field', () => {
    expect(codes(envelope({ effectiveOn: '2011-03-12' }))).toEqual([]);
    expect(codes(envelope({ opmerking: '2011-03-12' }))).toEqual(['data.opmerking:PRIVACY_BIRTH_DATE']);
  });

  it('flags identifying key names whatever their value, by key name', () => {
    expect(codes(envelope({ bsn: 'x' }))).toEqual(['data.bsn:PRIVACY_IDENTIFYING_FIELD']);
    expect(codes(envelope({ geboortedatum: 'onbekend' }))).toEqual(['data.geboortedatum:PRIVACY_IDENTIFYING_FIELD']);
    expect(codes(envelope({ naam: 'Jan' }))).toEqual(['data.naam:PRIVACY_IDENTIFYING_FIELD']);
    expect(codes(envelope({}, { Naam: 'Jan', BSN: null }))).toEqual(['Naam:PRIVACY_IDENTIFYING_FIELD', 'BSN:PRIVACY_IDENTIFYING_FIELD']);
    expect(privacyIssues({ naam: 'Jan' })[0].message).toContain('identificerende gegevens');
  });

  it('looks inside nested objects and arrays', () => {
    expect(codes(envelope({ extra: { contact: ['ok', { telefoon: '0612345678' }] } }))).toEqual([
      'data.extra.contact.1.telefoon:PRIVACY_IDENTIFYING_FIELD',
    ]);
    expect(codes(envelope({ extra: { contact: ['ok', { nummer: '0612345678' }] } }))).toEqual([
      'data.extra.contact.1.nummer:PRIVACY_PHONE',
    ]);
    expect(codes({ a: [[['123456782']]] })).toEqual(['a.0.0.0:PRIVACY_BSN']);
    expect(codes(['ouder@example.nl'])).toEqual(['0:PRIVACY_EMAIL']);
  });

  it('an ISO date inside an array under a date field counts as that field', () => {
    expect(codes({ effectiveOn: ['2024-02-29'] })).toEqual([]);
    expect(codes({ dates: ['2011-03-12'] })).toEqual(['dates.0:PRIVACY_BIRTH_DATE']);
  });

  it('finds identifying data in a key and does not repeat the key in the path', () => {
    expect(privacyIssues(envelope({ '123456782': true }))).toEqual([
      { field: 'data.(veldnaam)', code: 'PRIVACY_BSN', message: expect.any(String) },
    ]);
    expect(codes({ data: { 'ouder@example.nl': 1 } })).toEqual(['data.(veldnaam):PRIVACY_EMAIL']);
  });

  it('reports every finding, one per field', () => {
    expect(codes(envelope({ childRef: '123456782', reason: 'ouder@example.nl', naam: 'Jan' }))).toEqual([
      'data.childRef:PRIVACY_BSN',
      'data.reason:PRIVACY_EMAIL',
      'data.naam:PRIVACY_IDENTIFYING_FIELD',
    ]);
  });

  it('never echoes the offending value in a message or a field', () => {
    const values = [
      '123456782',
      '123.456.782',
      'ouder@example.nl',
      '06-12345678',
      '+31 6 1234 5678',
      '030-1234567',
      '12-03-2011',
      '12 maart 2011',
      '2011-03-12',
    ];
    for (const value of values) {
      const issues = [...privacyIssues(envelope({ reason: value })), ...privacyIssues({ [value]: 'x' })];
      expect(issues.length, value).toBe(2);
      for (const issue of issues) {
        expect(issue.message).not.toContain(value);
        expect(issue.field).not.toContain(value);
        expect(issue.message).toMatch(/^Privacy: /);
      }
    }
    const named = privacyIssues({ naam: 'Jan Jansen' });
    expect(JSON.stringify(named)).not.toContain('Jan Jansen');
  });

  it('returns nothing for scalars that are harmless', () => {
    expect(privacyIssues(null)).toEqual([]);
    expect(privacyIssues(true)).toEqual([]);
    expect(privacyIssues(42)).toEqual([]);
    expect(privacyIssues('op_school')).toEqual([]);
  });
});

describe('childRef pseudonyms', () => {
  it('accepts exactly what pseudonymise makes, also when its digits 2-7 look like a number by chance', () => {
    expect(findPrivacyKind(CHILD_REF, 'childRef')).toBeUndefined();
    expect(findPrivacyKind('ab234567234cdefghijkl234567mnopq', 'childRef')).toBeUndefined();
  });

  it('looks into any other childRef like into any value: a BSN, a phone number, a birth date inside are found', () => {
    expect(findPrivacyKind('b123456782bsnzzq', 'childRef')).toBe('BSN');
    expect(findPrivacyKind('1234567821234567', 'childRef')).toBe('BSN');
    expect(findPrivacyKind('jansen-06-12345678', 'childRef')).toBe('PHONE');
    expect(findPrivacyKind('piet-12-03-2011', 'childRef')).toBe('BIRTH_DATE');
    expect(findPrivacyKind('ab123456782cd', 'reason')).toBe('BSN');
  });
});
