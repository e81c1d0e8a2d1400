// Report parameters, checked once for the CLI and the HTTP API alike (the API's query schemas are these).
import { z } from '@hono/zod-openapi';
import { endOfAmsterdamDay, isIsoDate, isSchoolYear, isYearMonth } from '@pact/events';
import { PROFILES } from '@pact/projections';

export const profileParam = z.enum(PROFILES, { error: (issue) => `Onbekend profiel: ${String(issue.input)} (kies ${PROFILES.join(', ')})` });
export const gemeenteParam = z.string().regex(/^GM\d{4}$/, { error: (issue) => `Ongeldige gemeentecode: ${String(issue.input)} (GM en 4 cijfers)` });
export const swvParam = z.string().regex(/^(PO|VO)\d{4}$/, { error: (issue) => `Ongeldige code samenwerkingsverband: ${String(issue.input)} (PO of VO en 4 cijfers)` });

/** An ISO timestamp, or a date meaning its end (Amsterdam time). */
export const asOfParam = z.string().transform((value, ctx) => {
  const at = isIsoDate(value) ? endOfAmsterdamDay(value) : new Date(value);
  if (Number.isNaN(at.getTime())) {
    ctx.addIssue({ code: 'custom', message: `Ongeldig tijdstip voor asOf: ${value} (ISO 8601, bijvoorbeeld 2024-03-01T12:00:00Z)` });
    return z.NEVER;
  }
  return at;
});

export const schoolYearParam = z.string().refine(isSchoolYear, { error: 'Verwacht een schooljaar, bijvoorbeeld 2023-2024' });
export const monthParam = z.string().refine(isYearMonth, { error: 'Verwacht een maand, bijvoorbeeld 2023-08' });
export const dayParam = z.string().refine(isIsoDate, { error: 'Verwacht een datum, bijvoorbeeld 2024-03-01' });
