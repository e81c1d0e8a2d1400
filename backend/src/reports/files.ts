// A year or monthly report as a file: CSV (with a breakdown: the breakdown's table, the figures without one) or
// xlsx (the figures' sheet, the breakdown's sheet when asked for, and the Definities sheet). CLI and API alike.
import { tableXlsx } from '../exports/xlsx.ts';
import { tableCsv } from './csv.ts';
import type { PresentedMonthlyReport, PresentedYearReport } from './present.ts';
import { breakdownTable, monthlyTable, yearTable } from './tables.ts';

type Report = PresentedYearReport | PresentedMonthlyReport;

const figuresTable = (report: Report, generatedAt: Date, suppressed: boolean) =>
  'rows' in report ? { table: monthlyTable(report, generatedAt, suppressed), sheetName: 'Maandcijfers' } : { table: yearTable(report, generatedAt, suppressed), sheetName: 'Jaarrapportage' };

export function reportCsv(report: Report, generatedAt: Date, suppressed: boolean): string {
  return tableCsv(breakdownTable(report, generatedAt, suppressed) ?? figuresTable(report, generatedAt, suppressed).table);
}

export function reportXlsx(report: Report, generatedAt: Date, suppressed: boolean): Promise<Buffer> {
  const { table, sheetName } = figuresTable(report, generatedAt, suppressed);
  const breakdown = breakdownTable(report, generatedAt, suppressed);
  return tableXlsx(table, sheetName, generatedAt, breakdown ? [{ table: breakdown, sheetName: 'Uitsplitsing' }] : []);
}
