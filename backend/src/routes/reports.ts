// /api/reports: the year report (OOGO) and the monthly figures, as JSON or as CSV, xlsx and PDF (year: the
// dashboard's print page), for the roles and scope of the request, suppressed where interface.md says so.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { amsterdamDate, schoolYearBounds, schoolYearOf } from '@pact/events';
import { monthlyReport, PROFILES, registeredDays, VERDICTS, yearReport, type Dimension, type ReportOptions } from '@pact/projections';
import type { AppDeps } from '../app.ts';
import { queryScope, suppressionFor, type Principal } from '../auth/roles.ts';
import { PdfBusy, PdfUnavailable } from '../exports/pdf.ts';
import { XLSX_TYPE } from '../exports/xlsx.ts';
import { authorised, router, SECURITY, type AppEnv } from '../http/context.ts';
import { CSV_TYPE, download, requestedFormat } from '../http/download.ts';
import { ApiError, errorResponses } from '../http/errors.ts';
import { asOfParam, byParam, gemeenteParam, monthParam, profileParam, schoolYearParam, swvParam } from '../params.ts';
import { FigureCache } from '../reports/cache.ts';
import { presentMonthlyReport, presentYearReport } from '../reports/present.ts';
import { publishedMonthlyReport, publishedYearReport } from '../reports/publications.ts';
import { reportCsv, reportXlsx } from '../reports/files.ts';

export const ScopeQuery = {
  profile: profileParam.optional().openapi({ description: 'officieel (standaard), breed of leerrecht' }),
  gemeente: gemeenteParam.optional().openapi({ description: 'CBS-code, bijvoorbeeld GM0344; zonder: uw eigen bereik' }),
  swv: swvParam.optional().openapi({ description: 'Code samenwerkingsverband, bijvoorbeeld PO2601' }),
};
const AsOfQuery = {
  asOf: asOfParam.optional().openapi({
    description: 'Stand van registratie: ISO-tijdstip, of een datum (het einde ervan). Bestuur en raad: alleen het moment van een publicatie (zonder: de laatste)',
    type: 'string',
  }),
};

const ByQuery = { by: byParam.optional().openapi({ description: 'Uitsplitsen naar: sector, leeftijd, reden, wachtlijst of duur (interface.md "Breakdowns")' }) };
const Breakdown = {
  by: byParam.optional(),
  cells: z.record(z.string(), z.record(z.string(), z.number().nullable())).optional().openapi({ description: 'Per cel, per cijfer: het aantal kinderen (null: niet getoond)' }),
  suppressedCells: z.array(z.string()).optional().openapi({ description: 'De niet getoonde cellen, als <cel>/<cijfer>' }),
  complementaryCells: z.array(z.string()).optional().openapi({ description: 'Daarvan: niet getoond zodat een klein aantal niet te berekenen is' }),
};
const Period = z.object({ label: z.string(), start: z.string(), end: z.string(), stockOn: z.string() });
const Verdicts = z.record(z.string(), z.enum(VERDICTS)).openapi({ description: 'Het oordeel per cijfer met een doel (metrics.md "Targets and verdicts")' });
const FigureValues = { metrics: z.record(z.string(), z.number().nullable()), verdicts: Verdicts, suppressed: z.array(z.string()), complementary: z.array(z.string()) };
const Figures = z.object({ period: Period, ...FigureValues });
const Scope = z.object({ gemeente: z.string().optional(), swv: z.string().optional() });
export const RegionConfigSchema = z
  .object({
    defaultProfile: z.enum(PROFILES),
    suppressionK: z.number().int(),
    fourWeeksDays: z.number().int(),
    normMonths: z.number().int(),
    normGapDays: z.number().int(),
    overlegPauseMonths: z.array(z.number().int()),
    swvGemeenten: z.record(z.string(), z.array(z.string())),
  })
  .openapi('RegionConfig');
const Head = { profile: z.string(), scope: Scope, asOf: z.string().nullable(), config: RegionConfigSchema };
const YearReportSchema = Figures.extend({ ...Head, ...Breakdown, previous: Figures.nullable() }).openapi('YearReport');
const MonthlyReportSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    ...Head,
    rows: z.array(z.object({ month: z.string(), stockOn: z.string(), ...FigureValues, ...Breakdown })),
    suppressed: z.array(z.string()),
  })
  .openapi('MonthlyReport');

const RangeSchema = z.object({ scope: Scope, first: z.string().nullable(), last: z.string().nullable() }).openapi('RegisteredRange');

const downloads = (types: string[]) => Object.fromEntries(types.map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }]));

interface Request {
  principal: Principal;
  options: ReportOptions;
  /** A public role's request (bestuur, raad): answered from a publication, suppressed. */
  suppressed: boolean;
}

/** The principal, the scope it may see, and its suppression. Public roles: one whole scope only (no intersection). */
function reportRequest(c: Context<AppEnv>, deps: AppDeps, query: { profile?: ReportOptions['profile']; gemeente?: string; swv?: string; asOf?: Date; by?: Dimension }): Request {
  const principal = authorised(c, 'read-reports');
  const scope = queryScope(principal, query);
  const suppressed = suppressionFor(principal.role) !== 'none';
  if (suppressed && scope.gemeente && scope.swv) {
    throw new ApiError(403, 'WHOLE_SCOPE_ONLY', 'Bestuur en raad zien de cijfers van een hele gemeente of een heel samenwerkingsverband, niet van een combinatie (anders zijn kleine aantallen door aftrekken te vinden)');
  }
  const config = deps.runtime.config.region;
  return { principal, options: { profile: query.profile ?? config.defaultProfile, scope, asOf: query.asOf, now: deps.runtime.clock(), config, by: query.by ? [query.by] : undefined }, suppressed };
}

/** A period that has not begun is a bad request. */
async function figures<T>(cache: FigureCache, key: unknown[], options: ReportOptions, compute: () => Promise<T>): Promise<T> {
  try {
    const today = amsterdamDate(options.asOf ?? options.now);
    return await cache.get(JSON.stringify([...key, options.profile, options.scope, options.asOf?.toISOString() ?? null, today, options.by ?? []]), compute);
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError(400, 'INVALID_PERIOD', error.message);
    throw error;
  }
}

const fileScope = (o: ReportOptions) => [o.scope.gemeente, o.scope.swv].filter(Boolean).join('-') || 'regio';

/** Prints a dashboard page as PDF for a principal (wired in app.ts, where the whole site is known). */
export type PrintAs = (target: string, principal: Principal) => Promise<Buffer>;

/** The print page of a year report, for the scope and registration state the report was computed for. */
function printTarget(year: string, options: ReportOptions): string {
  const query = { year, profile: options.profile, gemeente: options.scope.gemeente, swv: options.scope.swv, asOf: options.asOf?.toISOString() };
  return `/print/jaarrapportage?${new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]))}`;
}

export function reportRoutes(deps: AppDeps, printAs: PrintAs) {
  const { runtime, auth } = deps;
  const cache = new FigureCache(runtime.db);
  const exported = (r: Request, target: string, params: Record<string, unknown>) =>
    auth.audit({ subject: r.principal.subject, role: r.principal.role, action: 'export', target, params: { ...params, profile: r.options.profile, scope: r.options.scope, asOf: r.options.asOf?.toISOString() ?? null } });

  /** A public role's figures: from the publication at its `asOf` (exactly), or the latest; the PDF prints that one. */
  const published = async <T>(r: Request, pick: (p: Awaited<ReturnType<typeof deps.publications.find>>) => T): Promise<T> => {
    const publication = await deps.publications.find(r.options.scope, r.options.asOf);
    r.options = { ...r.options, asOf: new Date(publication.asOf) };
    return pick(publication);
  };

  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/range',
        summary: 'De eerste en laatste dag waarop in het bereik iets is geregistreerd (voor de standaardperiode van het dashboard)',
        security: SECURITY,
        request: { query: z.object({ gemeente: ScopeQuery.gemeente, swv: ScopeQuery.swv }) },
        responses: {
          200: { description: 'De dagen, of null als er niets is geregistreerd', content: { 'application/json': { schema: RangeSchema } } },
          ...errorResponses(),
        },
      }),
      async (c) => {
        const r = reportRequest(c, deps, c.req.valid('query'));
        const days = await cache.get(JSON.stringify(['range', r.options.scope]), () => registeredDays(runtime.db, r.options.scope));
        if (!days) return c.json({ scope: r.options.scope, first: null, last: null }, 200);
        // public roles: whole school years only, so a tiny scope's first and last registration are not dated
        if (r.suppressed) return c.json({ scope: r.options.scope, first: schoolYearBounds(schoolYearOf(days.first)).start, last: schoolYearBounds(schoolYearOf(days.last)).end }, 200);
        return c.json({ scope: r.options.scope, first: days.first, last: days.last }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/year',
        summary: 'De jaarrapportage (OOGO) over een schooljaar, met het vorige schooljaar',
        security: SECURITY,
        request: { query: z.object({ year: schoolYearParam.openapi({ example: '2023-2024' }), ...ScopeQuery, ...AsOfQuery, ...ByQuery, format: z.enum(['json', 'csv', 'xlsx', 'pdf']).optional() }) },
        responses: {
          200: { description: 'Het rapport (JSON), of als bestand', content: { 'application/json': { schema: YearReportSchema }, ...downloads(['text/csv', XLSX_TYPE, 'application/pdf']) } },
          ...errorResponses(429, 503),
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const r = reportRequest(c, deps, query);
        const format = requestedFormat(c, query.format);
        if (format !== 'json') authorised(c, 'export-reports');
        const report = r.suppressed
          ? await published(r, (p) => publishedYearReport(p, query.year, r.options.profile, r.options.scope, query.by))
          : presentYearReport(await figures(cache, ['year', query.year], r.options, () => yearReport(runtime.db, query.year, r.options)), 'none', query.by);
        if (format === 'json') return c.json(report, 200);
        const now = runtime.clock();
        const name = `jaarrapportage-${query.year}-${fileScope(r.options)}${query.by ? `-${query.by}` : ''}`;
        let file: Response;
        if (format === 'csv') file = download(c, reportCsv(report, now, r.suppressed), CSV_TYPE, `${name}.csv`);
        else if (format === 'xlsx') file = download(c, await reportXlsx(report, now, r.suppressed), XLSX_TYPE, `${name}.xlsx`);
        else {
          try {
            file = download(c, await printAs(printTarget(query.year, r.options), r.principal), 'application/pdf', `${name}.pdf`);
          } catch (error) {
            if (error instanceof PdfUnavailable) throw new ApiError(503, 'PDF_UNAVAILABLE', error.message);
            if (error instanceof PdfBusy) throw new ApiError(429, 'PDF_BUSY', error.message, undefined, { 'Retry-After': String(Math.max(1, error.retryAfter)) });
            throw error;
          }
        }
        await exported(r, 'reports/year', { year: query.year, format });
        return file as never;
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/monthly',
        summary: 'Maandcijfers: per maand de stand aan het eind en de stromen in de maand',
        security: SECURITY,
        request: {
          query: z.object({ from: monthParam.openapi({ example: '2023-08' }), to: monthParam.openapi({ example: '2024-07' }), ...ScopeQuery, ...AsOfQuery, ...ByQuery, format: z.enum(['json', 'csv', 'xlsx']).optional() }),
        },
        responses: {
          200: { description: 'Per maand (JSON), of als bestand', content: { 'application/json': { schema: MonthlyReportSchema }, ...downloads(['text/csv', XLSX_TYPE]) } },
          ...errorResponses(),
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        if (query.to < query.from) throw new ApiError(400, 'INVALID_PERIOD', 'to ligt voor from', [{ field: 'to', code: 'INVALID_FIELD', message: 'to ligt voor from' }]);
        const r = reportRequest(c, deps, query);
        const format = requestedFormat(c, query.format);
        if (format !== 'json') authorised(c, 'export-reports');
        const report = r.suppressed
          ? await published(r, (p) => publishedMonthlyReport(p, query.from, query.to, r.options.profile, r.options.scope, query.by))
          : presentMonthlyReport(await figures(cache, ['monthly', query.from, query.to], r.options, () => monthlyReport(runtime.db, query.from, query.to, r.options)), 'none', query.by);
        if (format === 'json') return c.json(report, 200);
        const now = runtime.clock();
        const name = `maandcijfers-${query.from}-${query.to}-${fileScope(r.options)}${query.by ? `-${query.by}` : ''}`;
        const file = format === 'csv' ? download(c, reportCsv(report, now, r.suppressed), CSV_TYPE, `${name}.csv`) : download(c, await reportXlsx(report, now, r.suppressed), XLSX_TYPE, `${name}.xlsx`);
        await exported(r, 'reports/monthly', { from: query.from, to: query.to, format });
        return file as never;
      },
    );
}
