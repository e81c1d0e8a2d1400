// What several CLI commands share: opening the stores with projections up to date, and the report options.
import { isSchoolYear, isYearMonth, isIsoDate } from '@pact/events';
import { Projector, type Dimension, type Profile, type RegionConfig, type Scope } from '@pact/projections';
import type { z } from '@hono/zod-openapi';
import { AuthStore } from '../auth/store.ts';
import { configFromEnv, RegionConfigError, type Config } from '../config.ts';
import { auditRegionConfig } from '../region-config.ts';
import { may, ROLES, suppressionFor, type Action, type Role } from '../auth/roles.ts';
import type { Suppression } from '../reports/suppression.ts';
import { asOfParam, byParam, gemeenteParam, profileParam, swvParam } from '../params.ts';
import { openRuntime, type Runtime } from '../runtime.ts';
import { UsageError } from './args.ts';

export const REPORT_OPTIONS = {
  profile: { type: 'string' },
  gemeente: { type: 'string' },
  swv: { type: 'string' },
  'as-of': { type: 'string' },
  format: { type: 'string' },
  role: { type: 'string' },
} as const;

/**
 * The role the tool acts as (interface.md: admin unless `--role R`), refused when it may not do `action`;
 * returns the suppression that role gets.
 */
export function roleFor(value: string | undefined, action: Action): Suppression {
  const role = (value ?? 'admin') as Role;
  if (!ROLES.includes(role)) throw new UsageError(`Onbekende rol: ${value} (kies ${ROLES.join(', ')})`);
  if (!may({ subject: 'cli', role, scope: { gemeenten: [], swvs: [] }, via: 'cli' }, action)) throw new UsageError(`De rol ${role} mag dit niet`);
  return suppressionFor(role);
}

/** The configuration of the environment (PACT_CONFIG); an invalid file is a usage error naming each key. */
export function cliConfig(dataDir: string | undefined): Config {
  try {
    return configFromEnv(process.env, dataDir ? { dataDir } : {});
  } catch (error) {
    if (error instanceof RegionConfigError) throw new UsageError(error.message);
    throw error;
  }
}

export async function openWithProjections(dataDir: string | undefined, options: { catchUp?: boolean } = {}): Promise<{ runtime: Runtime; projector: Projector }> {
  const runtime = await openRuntime(cliConfig(dataDir));
  try {
    const projector = new Projector(runtime.db, runtime.store, { config: runtime.config.region });
    const rebuilt = await projector.migrate();
    const auth = new AuthStore(runtime.db, runtime.clock);
    await auth.migrate();
    await auditRegionConfig(auth, runtime.config.region, 'cli', rebuilt);
    if (options.catchUp ?? true) await projector.catchUp();
    return { runtime, projector };
  } catch (error) {
    await runtime.close();
    throw error;
  }
}

/** The value parsed by a shared parameter schema (params.ts), or a usage error with its message. */
function cliParam<S extends z.ZodType>(schema: S, value: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new UsageError(result.error.issues[0]?.message ?? `Ongeldige waarde: ${value}`);
  return result.data;
}

export function profileOf(value: string | undefined, config: RegionConfig): Profile {
  return value === undefined ? config.defaultProfile : cliParam(profileParam, value);
}

/** `--by`: a breakdown's dimension, or none. */
export const byOf = (value: string | undefined): Dimension | undefined => (value === undefined ? undefined : cliParam(byParam, value));

export function scopeOf(values: { gemeente?: string; swv?: string }): Scope {
  return {
    ...(values.gemeente !== undefined ? { gemeente: cliParam(gemeenteParam, values.gemeente) } : {}),
    ...(values.swv !== undefined ? { swv: cliParam(swvParam, values.swv) } : {}),
  };
}

export function asOfOf(value: string | undefined): Date | undefined {
  return value === undefined ? undefined : cliParam(asOfParam, value);
}

export function formatOf<F extends string>(value: string | undefined, allowed: readonly F[]): F {
  const format = (value ?? allowed[0]) as F;
  if (!allowed.includes(format)) throw new UsageError(`Onbekend formaat: ${value} (kies ${allowed.join(', ')})`);
  return format;
}

export function checkYear(year: string | undefined): string {
  if (!year || !isSchoolYear(year)) throw new UsageError('--year is verplicht, als schooljaar, bijvoorbeeld 2023-2024');
  return year;
}

export function checkMonth(name: string, month: string | undefined): string {
  if (!month || !isYearMonth(month)) throw new UsageError(`--${name} is verplicht, als maand, bijvoorbeeld 2023-08`);
  return month;
}

export function checkDay(name: string, day: string | undefined): string {
  if (!day || !isIsoDate(day)) throw new UsageError(`--${name} is verplicht, als datum, bijvoorbeeld 2024-03-01`);
  return day;
}
