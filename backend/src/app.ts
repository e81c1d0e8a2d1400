// The Hono app: one router per feature under /api, validated with zod, errors in one shape, the OpenAPI
// document at /api/openapi.json generated from the same schemas. `createApp` serves production and tests
// (`app.request()`); its type `App` gives the frontend a typed client (`hc<App>`).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Projector } from '@pact/projections';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { authenticate, PRINT_AS, SESSION_COOKIE, type PrintEnv } from './auth/middleware.ts';
import type { Oidc } from './auth/oidc.ts';
import type { RateLimiter } from './auth/rate-limit.ts';
import type { AuthStore } from './auth/store.ts';
import type { ProjectionLeadership } from './projection-leader.ts';
import type { PublicationStore } from './reports/publications.ts';
import { serveDashboard } from './dashboard.ts';
import { printPdf } from './exports/pdf.ts';
import { COSTLY_REASON, jsonTooCostly } from './ingest.ts';
import type { Principal } from './auth/roles.ts';
import type { AppEnv } from './http/context.ts';
import { ApiError, errorResponse } from './http/errors.ts';
import { adminRoutes } from './routes/admin.ts';
import { authRoutes } from './routes/auth.ts';
import { caseRoutes } from './routes/cases.ts';
import { configRoutes } from './routes/config.ts';
import { eventRoutes } from './routes/events.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { metricRoutes } from './routes/metrics.ts';
import { publicationRoutes } from './routes/publications.ts';
import { reportRoutes } from './routes/reports.ts';
import { signalRoutes } from './routes/signals.ts';
import type { Runtime } from './runtime.ts';

export interface AppDeps {
  runtime: Runtime;
  /** Users, sessions, API tokens and the audit trail (schema `app`, migrated). */
  auth: AuthStore;
  /** The projections: an erasure removes read-model rows besides the log's events. */
  projector: Projector;
  /** What bestuur and raad see: fixed, suppressed publications per whole scope (schema `app`, migrated). */
  publications: PublicationStore;
  /** Where the projections are and how far behind the log (events). */
  projectionLag?: () => Promise<{ position: string; lag: number }>;
  /** Which instance runs the projection (several instances on one PostgreSQL; /api/health says it). */
  leadership?: ProjectionLeadership;
  /** OpenID Connect login, when configured. */
  oidc?: Oidc;
  /** Login attempts per address and username (default 5 a minute). */
  loginLimiter?: RateLimiter;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  // text the database cannot hold (a NUL byte, a lone surrogate) that a check upstream let through
  const code = (error as { code?: unknown })?.code;
  if (code === '22021' || code === '22P05') return new ApiError(400, 'INVALID_REQUEST', 'De invoer bevat tekens die niet kunnen worden opgeslagen (zoals een NUL-teken)');
  if (error instanceof HTTPException) {
    if (error.status === 400) return new ApiError(400, 'INVALID_JSON', 'De inhoud is geen geldige JSON');
    if (error.status === 415) return new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Deze Content-Type wordt hier niet aangenomen; zie /api/openapi.json (meestal application/json)');
    return new ApiError(error.status as ApiError['status'], 'HTTP_ERROR', error.message || 'Verzoek geweigerd');
  }
  console.error(error);
  return new ApiError(500, 'INTERNAL', 'Er ging iets mis op de server');
}

export function createApp(deps: AppDeps) {
  // The API under /api; the dashboard on the same router at / (registered last, it leaves /api alone).
  const site = new OpenAPIHono<AppEnv>();
  const app = site.basePath('/api');
  // A PDF is the dashboard's print page, loaded by headless Chromium from this app in-process, as the caller.
  const printAs = (target: string, principal: Principal) => printPdf(target, (request) => app.fetch(request, { [PRINT_AS]: principal } satisfies PrintEnv), deps.runtime.config.chromiumPath, principal.subject);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"] },
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      xContentTypeOptions: 'nosniff',
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    }),
  );
  app.use('*', bodyLimit({ maxSize: deps.runtime.config.maxBodyBytes, onError: (c) => errorResponse(c, new ApiError(413, 'TOO_LARGE', `Het verzoek is groter dan ${deps.runtime.config.maxBodyBytes} bytes; stuur het in delen`)) }));
  app.use('*', authenticate(deps.auth, deps.runtime.config.trustProxy));
  // Nothing of an answer of the API is for a shared cache or the browser's history: case views, figures, files.
  app.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  // Who is not logged in gets 401 before a body is read or parsed (only the login itself takes one, and a small one).
  app.use('*', async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.get('principal')) return next();
    if (!['/api/auth/login', '/api/auth/logout'].includes(new URL(c.req.url).pathname)) throw new ApiError(401, 'UNAUTHENTICATED', 'Meld u aan (sessie of API-token)');
    return next();
  });
  app.use('/auth/login', bodyLimit({ maxSize: 16 * 1024, onError: (c) => errorResponse(c, new ApiError(413, 'TOO_LARGE', 'Een aanmelding is hoogstens 16 KiB')) }));
  // A JSON body nested deeper, or with wider objects, than any of ours is refused before JSON.parse (ingest.ts).
  app.use('*', async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method) && /^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
      const costly = jsonTooCostly(await c.req.text());
      if (costly) {
        const message = `De inhoud is ${COSTLY_REASON[costly.problem]}; niets gelezen`;
        // in a list of events: which one (line = index + 1, as for every event error)
        throw new ApiError(400, 'INVALID_JSON', message, costly.element === undefined ? undefined : [{ line: costly.element + 1, field: '', code: 'INVALID_JSON', message }]);
      }
    }
    return next();
  });
  app.onError((error, c) => errorResponse(c, toApiError(error)));
  app.notFound((c) => errorResponse(c, new ApiError(404, 'NOT_FOUND', 'Onbekende route; zie /api/openapi.json')));

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Sessie na POST /api/auth/login of OpenID Connect' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'API-token (pact_…) voor machine-imports' });

  const routes = app
    .route('/health', healthRoutes(deps))
    .route('/auth', authRoutes(deps))
    .route('/events', eventRoutes(deps))
    .route('/cases', caseRoutes(deps))
    .route('/reports', reportRoutes(deps, printAs))
    .route('/signals', signalRoutes(deps))
    .route('/metrics', metricRoutes(deps))
    .route('/config', configRoutes(deps))
    .route('/meetings', meetingRoutes(deps))
    .route('/exports', exportRoutes(deps))
    .route('/publications', publicationRoutes(deps))
    .route('/admin', adminRoutes(deps));
  routes.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Pactmonitor API',
      version: '1',
      description: 'De cijfers van het thuiszitterspact. Fouten: { "error": { "code", "message", "details"? } }. Kleine aantallen (1 tot 4) zijn voor bestuur en raad onderdrukt.',
    },
  });
  serveDashboard(site);
  return routes;
}

export type App = ReturnType<typeof createApp>;
