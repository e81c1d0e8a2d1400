// Configuration from the environment (README, "Configuratie"). Read once at the edge and passed down.
import path from 'node:path';
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
    ...overrides,
  };
}
