import { describe, it, expect } from 'vitest';
import { detectSeparator, formatCsv, formatCsvField, neutraliseFormula, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('splits plain rows on the separator, with LF or CRLF line ends', () => {
    expect(parseCsv('a;b;c\n1;2;3\n', ';')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(parseCsv('a;b\r\n1;2\r\n', ';')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r1,2', ',')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps the last row without a trailing line end, and empty fields', () => {
    expect(parseCsv('a;b;c\n1;;3', ';')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
    expect(parseCsv('a;b\n1;', ';')).toEqual([
      ['a', 'b'],
      ['1', ''],
    ]);
  });

  it('reads quoted fields with embedded separators', () => {
    expect(parseCsv('naam;opmerking\n"Jansen; J.";"a;b;c"\n', ';')).toEqual([
      ['naam', 'opmerking'],
      ['Jansen; J.', 'a;b;c'],
    ]);
    // a comma is only special when it is the separator
    expect(parseCsv('"1,5";2,5\n', ';')).toEqual([['1,5', '2,5']]);
    expect(parseCsv('"1,5",2\n', ',')).toEqual([['1,5', '2']]);
  });

  it('reads doubled quotes inside quoted fields as one quote', () => {
    expect(parseCsv('"zei ""nee""";x\n', ';')).toEqual([['zei "nee"', 'x']]);
    expect(parseCsv('"""";""\n', ';')).toEqual([['"', '']]);
  });

  it('reads embedded newlines (LF and CRLF) inside quoted fields', () => {
    expect(parseCsv('a;b\r\n"regel 1\r\nregel 2";"x\ny"\r\n3;4\r\n', ';')).toEqual([
      ['a', 'b'],
      ['regel 1\r\nregel 2', 'x\ny'],
      ['3', '4'],
    ]);
  });

  it('strips a UTF-8 byte order mark', () => {
    const rows = parseCsv('\uFEFFbsn;naam\r\n123;Jan\r\n', ';');
    expect(rows).toEqual([
      ['bsn', 'naam'],
      ['123', 'Jan'],
    ]);
    expect(rows[0][0]).toHaveLength(3);
  });

  it('skips empty lines and returns nothing for empty input', () => {
    expect(parseCsv('a;b\n\n1;2\n\r\n', ';')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('', ';')).toEqual([]);
    expect(parseCsv('\uFEFF', ';')).toEqual([]);
  });

  it('keeps Dutch decimal commas and spaces as they are', () => {
    expect(parseCsv(' 12,5 ; x \n', ';')).toEqual([[' 12,5 ', ' x ']]);
  });

  it('round-trips with formatCsv', () => {
    const rows = [
      ['childRef', 'opmerking', 'getal'],
      ['abc', 'zei "ja"; toen\r\nnee', '1,5'],
      ['def', '', '-'],
    ];
    expect(parseCsv(formatCsv(rows, ';'), ';')).toEqual(rows);
    expect(parseCsv(formatCsv(rows, ','), ',')).toEqual(rows);
  });
});

describe('detectSeparator', () => {
  it('picks ; for a Dutch Excel header and , otherwise', () => {
    expect(detectSeparator('bsn;naam;opmerking\r\n1,5;x;y')).toBe(';');
    expect(detectSeparator('bsn,naam,opmerking\n1;2;3')).toBe(',');
    expect(detectSeparator('bsn;naam,voornaam\n')).toBe(';');
    expect(detectSeparator('bsn\n')).toBe(',');
    expect(detectSeparator('\uFEFFbsn;naam')).toBe(';');
  });
});

describe('formatCsvField / formatCsv', () => {
  it('quotes a field with the separator, a quote, CR or LF, doubling the quotes', () => {
    expect(formatCsvField('a;b', ';')).toBe('"a;b"');
    expect(formatCsvField('a;b', ',')).toBe('a;b');
    expect(formatCsvField('a,b', ',')).toBe('"a,b"');
    expect(formatCsvField('zei "nee"', ';')).toBe('"zei ""nee"""');
    expect(formatCsvField('a\nb', ';')).toBe('"a\nb"');
    expect(formatCsvField('a\rb', ';')).toBe('"a\rb"');
    expect(formatCsvField('gewoon', ';')).toBe('gewoon');
    expect(formatCsvField('', ';')).toBe('');
  });

  it('ends every row, also the last, with CRLF and adds no BOM', () => {
    expect(
      formatCsv(
        [
          ['a', 'b'],
          ['1,5', 'x;y'],
        ],
        ';',
      ),
    ).toBe('a;b\r\n1,5;"x;y"\r\n');
    expect(formatCsv([['één']], ';')).toBe('één\r\n');
    expect(formatCsv([], ';')).toBe('');
  });
});

describe('neutraliseFormula', () => {
  it('prefixes a quote to values Excel would run as a formula', () => {
    expect(neutraliseFormula('=SUM(A1:A2)')).toBe("'=SUM(A1:A2)");
    expect(neutraliseFormula('+31612345678')).toBe("'+31612345678");
    expect(neutraliseFormula('-1')).toBe("'-1");
    expect(neutraliseFormula('@HYPERLINK("x")')).toBe('\'@HYPERLINK("x")');
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('\r=1')).toBe("'\r=1");
  });

  it('leaves other values alone', () => {
    expect(neutraliseFormula('GM0344')).toBe('GM0344');
    expect(neutraliseFormula('12,5')).toBe('12,5');
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula(' =1')).toBe(' =1');
    expect(neutraliseFormula('')).toBe('');
  });
});
