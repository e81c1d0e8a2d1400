import { describe, it, expect } from 'vitest';
import { base32, childRefOf, normaliseNumber, pseudonymise } from './pseudonymise.ts';

const KEY = Buffer.from('test-key', 'utf8');
const OTHER_KEY = Buffer.from('other-key', 'utf8');
const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

// Reference values computed independently (Python: base64.b32encode(hmac.new(key, n, sha256).digest()).lower()[:32]).
const REF_123456782 = 'kw4gcr72s4c5g5li74idpulmdyiwlxf4';
const REF_111222333 = 'dky2znjvvqcoxyyutupnoebupam2oh5j';
const REF_012345672 = 'bvguzrkmqc6ppfv25buhwv2xvevtdv7j';
const REF_123456782_OTHER = 'wn2ecjtsg4mgzmenjgpgkghjstcbyuk4';

describe('base32', () => {
  it('matches the RFC 4648 test vectors, lower case and without padding', () => {
    expect(base32(bytes(''))).toBe('');
    expect(base32(bytes('f'))).toBe('my');
    expect(base32(bytes('fo'))).toBe('mzxq');
    expect(base32(bytes('foo'))).toBe('mzxw6');
    expect(base32(bytes('foob'))).toBe('mzxw6yq');
    expect(base32(bytes('fooba'))).toBe('mzxw6ytb');
    expect(base32(bytes('foobar'))).toBe('mzxw6ytboi');
  });

  it('encodes all-zero and all-one bytes', () => {
    expect(base32(new Uint8Array([0, 0, 0, 0, 0]))).toBe('aaaaaaaa');
    expect(base32(new Uint8Array([255, 255, 255, 255, 255]))).toBe('77777777');
  });

  it('stays correct for long inputs (no overflow of the bit buffer)', () => {
    const input = new Uint8Array(64).fill(0xff);
    expect(base32(input)).toBe(`${'7'.repeat(102)}y`);
    expect(base32(bytes('foobar'.repeat(5)))).toBe('mzxw6ytbojtg633cmfzgm33pmjqxeztpn5rgc4tgn5xweyls');
  });
});

describe('normaliseNumber', () => {
  it('restores a leading zero lost by a spreadsheet', () => {
    expect(normaliseNumber('12345678')).toBe('012345678');
    expect(normaliseNumber('12345672')).toBe('012345672');
  });

  it('removes dots and spaces', () => {
    expect(normaliseNumber('1234.56.782')).toBe('123456782');
    expect(normaliseNumber('123 456 782')).toBe('123456782');
    expect(normaliseNumber(' 123456782 ')).toBe('123456782');
    expect(normaliseNumber('123456782')).toBe('123456782');
  });

  it('rejects anything that is not 8 or 9 digits', () => {
    expect(normaliseNumber('')).toBeUndefined();
    expect(normaliseNumber('1234567')).toBeUndefined();
    expect(normaliseNumber('1234567890')).toBeUndefined();
    expect(normaliseNumber('12345678a')).toBeUndefined();
    expect(normaliseNumber('123-456-782')).toBeUndefined();
  });
});

describe('childRefOf', () => {
  it('is the first 32 characters of the lower-case base32 HMAC-SHA256', () => {
    expect(childRefOf('123456782', KEY)).toBe(REF_123456782);
    expect(childRefOf('111222333', KEY)).toBe(REF_111222333);
    expect(childRefOf('012345672', KEY)).toBe(REF_012345672);
  });

  it('is 32 characters of [a-z2-7]', () => {
    for (const n of ['123456782', '111222333', '012345672', '000000000']) {
      expect(childRefOf(n, KEY)).toMatch(/^[a-z2-7]{32}$/);
    }
  });

  it('gives the same output for the same input and key, and another for another key', () => {
    expect(childRefOf('123456782', Buffer.from('test-key'))).toBe(childRefOf('123456782', KEY));
    expect(childRefOf('123456782', OTHER_KEY)).toBe(REF_123456782_OTHER);
    expect(childRefOf('123456782', OTHER_KEY)).not.toBe(childRefOf('123456782', KEY));
    expect(childRefOf('123456782', KEY)).not.toBe(childRefOf('111222333', KEY));
  });
});

describe('pseudonymise', () => {
  it('replaces the BSN with childRef and drops identifying columns (; separated)', () => {
    const input = [
      'BSN;Naam;Geboortedatum;Postcode;Opmerking',
      '123456782;Jan Jansen;12-03-2011;3511 AB;thuis sinds maart',
      '12345672;Piet Pietersen;01-01-2012;3512CD;"wacht op ggz; zie plan"',
      '111 222 333;"de Vries, Klaas";28-02-2013;3513 EF;',
      '',
    ].join('\r\n');
    const result = pseudonymise(input, KEY);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.csv).toBe(
      'childRef;Opmerking\r\n' +
        `${REF_123456782};thuis sinds maart\r\n` +
        `${REF_012345672};"wacht op ggz; zie plan"\r\n` +
        `${REF_111222333};\r\n`,
    );
    for (const secret of ['123456782', 'Jansen', '12-03-2011', '3511', 'Piet', 'Vries', '2013']) {
      expect(result.csv).not.toContain(secret);
    }
  });

  it('keeps the same childRef for the same child in different notations', () => {
    const input = 'bsn;opmerking\n123456782;a\n123.456.782;b\n1234 56 782;c\n';
    expect(pseudonymise(input, KEY).csv).toBe(
      `childRef;opmerking\r\n${REF_123456782};a\r\n${REF_123456782};b\r\n${REF_123456782};c\r\n`,
    );
  });

  it('works with a comma-separated file with a BOM and an onderwijsnummer column', () => {
    const input = '\uFEFFonderwijsnummer,voornaam,achternaam,sector\n123456782,Jan,Jansen,po\n';
    expect(pseudonymise(input, KEY)).toEqual({
      csv: `childRef,sector\r\n${REF_123456782},po\r\n`,
      errors: [],
      warnings: [],
    });
  });

  it('drops a second number column and every known identifying column', () => {
    const input =
      'bsn;onderwijsnummer;roepnaam;tussenvoegsel;voorletters;adres;straat;huisnummer;woonplaats;email;e-mail;telefoon;telefoonnummer;mobiel;gemeente\n' +
      '123456782;111222333;Jan;van;J.;Dorpsstraat 1;Dorpsstraat;1;Utrecht;a@b.nl;a@b.nl;030-1234567;030-1234567;0612345678;GM0344\n';
    expect(pseudonymise(input, KEY)).toEqual({ csv: `childRef;gemeente\r\n${REF_123456782};GM0344\r\n`, errors: [], warnings: [] });
  });

  it('warns, without the value, about a kept column that looks identifying', () => {
    const input = 'bsn;opmerking;extra\n123456782;bel 06-12345678;ok\n111222333;ok;ouder@example.nl\n';
    const result = pseudonymise(input, KEY);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([
      'regel 2, kolom opmerking: lijkt op PHONE; controleer of deze kolom weg moet voor u iets verstuurt',
      'regel 3, kolom extra: lijkt op EMAIL; controleer of deze kolom weg moet voor u iets verstuurt',
    ]);
    expect(result.warnings.join()).not.toContain('06-12345678');
    expect(result.warnings.join()).not.toContain('ouder@example.nl');
    expect(result.csv).toBe(`childRef;opmerking;extra\r\n${REF_123456782};bel 06-12345678;ok\r\n${REF_111222333};ok;ouder@example.nl\r\n`);
  });

  it('reports a row without a number and writes nothing', () => {
    const input = 'bsn;naam;opmerking\n123456782;Jan;a\n;Piet;b\n1234567;Klaas;c\n';
    expect(pseudonymise(input, KEY)).toEqual({
      csv: '',
      errors: [
        'regel 3: kolom bsn bevat geen nummer van 8 of 9 cijfers',
        'regel 4: kolom bsn bevat geen nummer van 8 of 9 cijfers',
      ],
      warnings: [],
    });
  });

  it('reports a missing number column and an empty file', () => {
    expect(pseudonymise('naam;opmerking\nJan;a\n', KEY)).toEqual({
      csv: '',
      errors: ['Geen kolom bsn of onderwijsnummer gevonden in de kopregel'],
      warnings: [],
    });
    expect(pseudonymise('', KEY)).toEqual({ csv: '', errors: ['Het bestand is leeg'], warnings: [] });
  });

  it('gives other childRefs with another key', () => {
    expect(pseudonymise('bsn\n123456782\n', OTHER_KEY).csv).toBe(`childRef\r\n${REF_123456782_OTHER}\r\n`);
  });
});
