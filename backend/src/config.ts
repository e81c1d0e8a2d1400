// Configuration from the environment (README, "Configuratie"). Read once at the edge and passed down.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CONFIG, parseRegionConfig, type ConfigIssue, type RegionConfig } from '@pact/projections';
import { oidcSettingsFromEnv, type OidcSettings } from './auth/oidc.ts';

export interface Config {
  port: number;
  dataDir: string;
  /** PostgreSQL server for the read models, and for the event log when `eventstoreUrl` is unset. */
  databaseUrl?: string;
  /** KurrentDB/EventStoreDB for the event log. */
  eventstoreUrl?: string;
  /** Load the demo region on first start. */
  demo: boolean;
  /** Largest request body in bytes (413 above it). */
  maxBodyBytes: number;
  /** Headless Chromium for PDF exports; the PDF route answers 503 when it is missing. */
  chromiumPath: string;
  /** How long a login session lasts. */
  sessionHours: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For and https from X-Forwarded-Proto. */
  trustProxy: boolean;
  /** OpenID Connect login, when OIDC_ISSUER is set. */
  oidc?: OidcSettings;
  /** The region configuration (metrics.md): the file PACT_CONFIG names, or the defaults. */
  region: RegionConfig;
}

/** PACT_CONFIG names a file that is not a valid region configuration: one line per problem, by key. */
export class RegionConfigError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ConfigIssue[],
  ) {
    super(`De regioconfiguratie ${file} is ongeldig:\n${issues.map((i) => `  ${i.key || '(bestand)'}: ${i.message}`).join('\n')}`);
    this.name = 'RegionConfigError';
  }
}

/** Reads and checks a region configuration file. */
export function readRegionConfig(file: string): RegionConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new RegionConfigError(file, [{ key: '', message: 'Het bestand kan niet worden gelezen' }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new RegionConfigError(file, [{ key: '', message: 'Het bestand is geen geldige JSON' }]);
  }
  const result = parseRegionConfig(json);
  if (!result.ok) throw new RegionConfigError(file, result.issues);
  return result.config;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  return {
    port: Number(env.PORT ?? 8080),
    dataDir: path.resolve(env.PACT_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    eventstoreUrl: env.EVENTSTORE_URL || undefined,
    demo: env.PACT_DEMO !== '0',
    maxBodyBytes: Number(env.PACT_MAX_BODY_BYTES ?? 10 * 1024 * 1024),
    chromiumPath: env.PACT_CHROMIUM || '/usr/bin/chromium',
    sessionHours: Number(env.PACT_SESSION_HOURS ?? 8),
    trustProxy: env.PACT_TRUST_PROXY === '1',
    oidc: oidcSettingsFromEnv(env),
    region: env.PACT_CONFIG ? readRegionConfig(path.resolve(env.PACT_CONFIG)) : DEFAULT_CONFIG,
    ...overrides,
  };
}
