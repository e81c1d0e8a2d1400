// CSV as Dutch Excel reads and writes it: `;` separated, `,` decimals, UTF-8 with BOM, CRLF line ends.

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CR/LF) with the given separator. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** `;` when the header line has more semicolons than commas (Dutch Excel), else `,`. */
export function detectSeparator(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) && header.includes(';') ? ';' : ',';
}

/** A cell that Excel would run as a formula (`= + - @`, tab, CR) is prefixed with a quote so it stays text. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function formatCsvField(value: string, separator: string): string {
  return /["\r\n]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows as CSV text with CRLF line ends (no BOM; add it where the file starts). */
export function formatCsv(rows: readonly (readonly string[])[], separator: string): string {
  return rows.map((r) => r.map((v) => formatCsvField(v, separator)).join(separator) + '\r\n').join('');
}
