// Report parameters, checked once for the CLI and the HTTP API alike (the API's query schemas are these).
import { z } from '@hono/zod-openapi';
import { endOfAmsterdamDay, isIsoDate, isSchoolYear, isYearMonth } from '@pact/events';
import { DIMENSION_IDS, PROFILES } from '@pact/projections';

// Messages name what is expected, never the value that was given (it may be anything, a BSN too).
export const profileParam = z.enum(PROFILES, { error: `Onbekend profiel (kies ${PROFILES.join(', ')})` });
export const byParam = z.enum(DIMENSION_IDS, { error: `Onbekende uitsplitsing (kies ${DIMENSION_IDS.join(', ')})` });
export const gemeenteParam = z.string().regex(/^GM\d{4}$/, { error: 'Ongeldige gemeentecode: verwacht GM en 4 cijfers' });
export const swvParam = z.string().regex(/^(PO|VO)\d{4}$/, { error: 'Ongeldige code samenwerkingsverband: verwacht PO of VO en 4 cijfers' });

// ISO 8601 as the API writes it: a date, or a date and time (minutes, seconds and fractions optional) with Z or an offset.
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
/** The instants a registration can have been known at. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/** Strict ISO 8601: an instant with a time zone, or a date meaning its end (Amsterdam time), between 2000 and 2100. */
export function parseAsOf(value: string): Date | undefined {
  const m = INSTANT.exec(value);
  const at = isIsoDate(value) ? endOfAmsterdamDay(value) : m && isIsoDate(m[1]) ? new Date(value) : undefined;
  return at && !Number.isNaN(at.getTime()) && at.getTime() >= EARLIEST && at.getTime() < LATEST ? at : undefined;
}

export const asOfParam = z.string().transform((value, ctx) => {
  const at = parseAsOf(value);
  if (!at) {
    ctx.addIssue({ code: 'custom', message: 'Ongeldig tijdstip voor asOf: verwacht ISO 8601 tussen 2000 en 2100, bijvoorbeeld 2024-03-01T12:00:00Z of 2024-03-01' });
    return z.NEVER;
  }
  return at;
});

export const schoolYearParam = z.string().refine(isSchoolYear, { error: 'Verwacht een schooljaar, bijvoorbeeld 2023-2024' });
export const monthParam = z.string().refine(isYearMonth, { error: 'Verwacht een maand, bijvoorbeeld 2023-08' });
export const dayParam = z.string().refine(isIsoDate, { error: 'Verwacht een datum, bijvoorbeeld 2024-03-01' });
