// Publications: what the public roles (bestuur, raad) see. A publication is a fixed moment (`asOf`) for one whole
// scope (one gemeente or one swv), made by beleid or an admin. Its figures are computed once, when it is made, for
// every profile, every school year with registrations up to that moment and each of their months, suppressed
// together (./family.ts), also against the publications of the scope before it, and stored in `app.publications`.
// A public request reads them from there: the same answer for as long as the publication exists, whatever is
// registered or erased later. The figures are counts only (no case id, no childRef). Issue 15's public raad page
// reads the same rows.
import { Migrator, sql, type Generated, type Kysely, type Migration } from 'kysely';
import { amsterdamDate, monthOf, monthsBetween, previousSchoolYear, schoolYearBounds, schoolYearOf, type Db } from '@pact/events';
import { DIMENSION_IDS, monthlyReport, PROFILES, registeredDays, yearReport, type Dimension, type Profile, type RegionConfig, type Scope } from '@pact/projections';
import { ApiError } from '../http/errors.ts';
import { suppressFamily, type PublishedFamily, type PublishedTable, type RawFamily } from './family.ts';
import { breakdownOf, type PresentedMonthlyReport, type PresentedYearReport } from './present.ts';

interface PublicationTables {
  'app.publications': { id: Generated<number>; scope_code: string; as_of: Date; created_at: Date; created_by: string; config: RegionConfig; figures: PublishedFamily };
}

const initial: Migration = {
  async up(db) {
    await sql`create schema if not exists app`.execute(db);
    await sql`create table app.publications (
      id serial primary key, scope_code text not null, as_of timestamptz not null, created_at timestamptz not null,
      created_by text not null, config jsonb not null, figures jsonb not null, unique (scope_code, as_of))`.execute(db);
  },
};

export interface PublicationView {
  id: number;
  scope: Scope;
  asOf: string;
  createdAt: string;
  createdBy: string;
}

/** The one code of a whole scope, as publications store it. */
export function scopeCode(scope: Scope): string {
  const codes = [scope.gemeente, scope.swv].filter((c): c is string => !!c);
  if (codes.length !== 1) throw new ApiError(400, 'WHOLE_SCOPE_ONLY', 'Een publicatie is voor één hele gemeente of één heel samenwerkingsverband, niet voor een combinatie', [{ field: 'gemeente', code: 'WHOLE_SCOPE_ONLY', message: 'Noem óf een gemeente óf een samenwerkingsverband' }]);
  return codes[0];
}

const scopeOf = (code: string): Scope => (code.startsWith('GM') ? { gemeente: code } : { swv: code });

/** The figures of a publication for `scope` at `asOf`, before suppression: every profile, year and month; the default profile's with every breakdown. */
export async function publicationFigures(db: Db, scope: Scope, asOf: Date, config: RegionConfig): Promise<RawFamily> {
  const today = amsterdamDate(asOf);
  const range = await registeredDays(db, scope);
  const first = schoolYearOf(range && range.first < today ? range.first : today);
  const years: string[] = [];
  for (let y = first; schoolYearBounds(y).start <= today; y = `${Number(y.slice(0, 4)) + 1}-${Number(y.slice(0, 4)) + 2}`) years.push(y);
  const family: RawFamily = {};
  for (const profile of PROFILES) {
    // breakdowns in the region's default profile only: across profiles, cells would be linked by many equal values
    const options = { profile, scope, asOf, now: asOf, config, by: DIMENSION_IDS };
    const months = await monthlyReport(db, monthOf(schoolYearBounds(years[0]).start), monthOf(today), options);
    family[profile] = {};
    for (const year of years) {
      const report = await yearReport(db, year, options);
      const inYear = new Set(monthsBetween(monthOf(report.period.start), monthOf(report.period.end)));
      family[profile][year] = {
        period: report.period,
        year: { metrics: report.metrics, parts: report.parts, verdicts: report.verdicts, breakdowns: report.breakdowns },
        months: months.rows
          .filter((r) => inYear.has(r.month))
          .map((r) => ({ month: r.month, start: `${r.month}-01`, stockOn: r.stockOn, metrics: r.metrics, parts: r.parts, verdicts: r.verdicts, breakdowns: r.breakdowns })),
      };
    }
  }
  return family;
}

export class PublicationStore {
  private readonly db: Kysely<PublicationTables>;

  constructor(
    private readonly raw: Db,
    /** The region configuration the figures are computed with (it is stored with each publication). */
    private readonly config: RegionConfig,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.db = raw as unknown as Kysely<PublicationTables>;
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({
      db: this.db,
      provider: { getMigrations: async () => ({ '001_publications': initial }) },
      migrationTableSchema: 'app',
      migrationTableName: 'publication_migration',
      migrationLockTableName: 'publication_migration_lock',
    });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
  }

  /** Makes a publication of a whole scope at `asOf` (default now; never in the future), suppressed against the earlier ones. */
  async publish(scope: Scope, by: string, asOf: Date = this.clock()): Promise<PublicationView> {
    const code = scopeCode(scope);
    const now = this.clock();
    if (asOf.getTime() > now.getTime()) throw new ApiError(400, 'INVALID_REQUEST', 'Een publicatie kan niet in de toekomst liggen', [{ field: 'asOf', code: 'IN_FUTURE', message: 'asOf ligt in de toekomst' }]);
    const earlier = await this.db.selectFrom('app.publications').select(['figures', 'as_of']).where('scope_code', '=', code).where('as_of', '<', asOf).orderBy('as_of').execute();
    const figures = suppressFamily(await publicationFigures(this.raw, scopeOf(code), asOf, this.config), this.config.suppressionK, earlier.map((e) => parsed(e.figures)));
    const row = await this.db
      .insertInto('app.publications')
      .values({ scope_code: code, as_of: asOf, created_at: now, created_by: by, config: JSON.stringify(this.config) as never, figures: JSON.stringify(figures) as never })
      .onConflict((oc) => oc.columns(['scope_code', 'as_of']).doNothing())
      .returning(['id', 'scope_code', 'as_of', 'created_at', 'created_by'])
      .executeTakeFirst();
    if (!row) throw new ApiError(409, 'ALREADY_PUBLISHED', 'Voor dit bereik bestaat al een publicatie op dit moment');
    return view(row);
  }

  async list(scope: Scope): Promise<PublicationView[]> {
    const rows = await this.db.selectFrom('app.publications').select(['id', 'scope_code', 'as_of', 'created_at', 'created_by']).where('scope_code', '=', scopeCode(scope)).orderBy('as_of', 'desc').execute();
    return rows.map(view);
  }

  /** The publication of the scope at exactly `asOf`, or the latest; a public role sees nothing else. */
  async find(scope: Scope, asOf?: Date): Promise<Publication> {
    let query = this.db.selectFrom('app.publications').select(['as_of', 'config', 'figures']).where('scope_code', '=', scopeCode(scope));
    query = asOf ? query.where('as_of', '=', asOf) : query.orderBy('as_of', 'desc').limit(1);
    const row = await query.executeTakeFirst();
    if (!row) {
      throw asOf
        ? new ApiError(404, 'NOT_PUBLISHED', 'Op dit moment is voor dit bereik niets gepubliceerd; bestuur en raad zien de cijfers van een publicatie (GET /api/publications)')
        : new ApiError(404, 'NOT_PUBLISHED', 'Voor dit bereik is nog niets gepubliceerd; beleid maakt een publicatie (POST /api/publications)');
    }
    return { asOf: new Date(row.as_of).toISOString(), config: parsed(row.config), figures: parsed(row.figures) };
  }
}

/** A publication's figures as they were published, and the configuration they were computed with. */
export interface Publication {
  asOf: string;
  config: RegionConfig;
  figures: PublishedFamily;
}

/** jsonb comes back parsed from `pg`, as text from some drivers. */
const parsed = <T>(value: T | string): T => (typeof value === 'string' ? JSON.parse(value) : value);

function view(row: { id: number; scope_code: string; as_of: Date; created_at: Date; created_by: string }): PublicationView {
  return { id: row.id, scope: scopeOf(row.scope_code), asOf: new Date(row.as_of).toISOString(), createdAt: new Date(row.created_at).toISOString(), createdBy: row.created_by };
}

/** A published table without its breakdowns, or with the one asked for. */
function publishedTable({ breakdowns, ...table }: PublishedTable, by: Dimension | undefined) {
  if (!by) return table;
  const cells = breakdowns?.[by];
  if (!cells) throw new ApiError(400, 'NOT_PUBLISHED', 'Deze publicatie is gemaakt voordat er uitsplitsingen waren; beleid maakt een nieuwe publicatie (POST /api/publications)');
  return { ...table, ...breakdownOf(by, cells) };
}

/** A year report as a publication shows it (with the year before, when the publication has it). */
export function publishedYearReport(published: Publication, year: string, profile: Profile, scope: Scope, by?: Dimension): PresentedYearReport {
  const years = published.figures[profile] ?? {};
  const y = years[year];
  if (!y) throw new ApiError(400, 'INVALID_PERIOD', `Het schooljaar ${year} staat niet in deze publicatie (van ${Object.keys(years)[0] ?? '–'} tot de publicatie)`);
  const before = years[previousSchoolYear(year)];
  return {
    period: y.period,
    profile,
    scope,
    asOf: published.asOf,
    config: published.config,
    ...publishedTable(y.year, by),
    previous: before ? { period: before.period, ...publishedTable(before.year, undefined) } : null,
  };
}

/** Monthly figures as a publication shows them: the months of [from, to] in it. */
export function publishedMonthlyReport(published: Publication, from: string, to: string, profile: Profile, scope: Scope, by?: Dimension): PresentedMonthlyReport {
  const wanted = new Set(monthsBetween(from, to));
  const rows = Object.values(published.figures[profile] ?? {}).flatMap((y) => y.months.filter((m) => wanted.has(m.month)).map(({ month, stockOn, ...table }) => ({ month, stockOn, ...publishedTable(table, by) })));
  if (rows.length === 0) throw new ApiError(400, 'INVALID_PERIOD', 'Geen van deze maanden staat in de publicatie');
  return { period: { from, to }, profile, scope, asOf: published.asOf, config: published.config, rows, suppressed: [...new Set(rows.flatMap((r) => r.suppressed))] };
}
