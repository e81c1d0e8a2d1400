// The thin API client: typed by the backend's `App` (type only, nothing of the backend is bundled). Every call
// goes through `call`, which turns the API's one error shape into an `ApiRequestError`.
import { hc, type ClientResponse, type InferResponseType } from 'hono/client';
import type { App, DescribedMetric, Signal as ProjectedSignal, SignalList as ProjectedSignalList } from '@pact/backend';

export type { CaseEvent, CaseState, PactEvent, RegionConfig, Verdict } from '@pact/backend';

export const client = hc<App>('/', {
  // The CSRF guard accepts same-origin requests; the header is the fallback for browsers without Origin.
  headers: { 'X-Pact-Request': '1' },
  init: { credentials: 'same-origin' },
}).api;

export interface FieldError {
  field: string;
  code: string;
  message: string;
  line?: number;
}

/** An answer of the API that is not 2xx: its status, code, Dutch message and (per field) details. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  /** The details as field errors, when the API gave them per field. */
  get fieldErrors(): FieldError[] {
    return Array.isArray(this.details) ? (this.details as FieldError[]).filter((d) => d && typeof d.field === 'string') : [];
  }
}

/** Reads an error body; anything unexpected still becomes an ApiRequestError with a Dutch message. */
export async function errorOf(res: Response): Promise<ApiRequestError> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (body.error?.message) return new ApiRequestError(res.status, body.error.code ?? 'HTTP_ERROR', body.error.message, body.error.details);
  } catch {
    // not JSON
  }
  return new ApiRequestError(res.status, 'HTTP_ERROR', `De server antwoordde met status ${res.status}`);
}

/** The JSON of a typed response's success statuses. */
type Ok<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends 200 | 201 | 204 ? (T extends Response ? never : T) : never) : never;

/** Awaits a typed request and returns its 2xx JSON, or throws the API's error. */
export async function call<R extends ClientResponse<unknown, number, string>>(request: Promise<R>): Promise<Ok<R>> {
  let res: R;
  try {
    res = await request;
  } catch {
    throw new ApiRequestError(0, 'NETWORK', 'De server is niet bereikbaar. Controleer uw verbinding en probeer het opnieuw.');
  }
  if (!res.ok) throw await errorOf(res as unknown as Response);
  if (res.status === 204) return undefined as never;
  return (await res.json()) as Ok<R>;
}

export type Me = InferResponseType<typeof client.auth.me.$get, 200>;
export type Role = Me['role'];
export type YearReport = InferResponseType<typeof client.reports.year.$get, 200>;
export type MonthlyReport = InferResponseType<typeof client.reports.monthly.$get, 200>;
// GET /api/signals and /api/metrics also answer CSV, so their JSON is typed by the backend's exported shapes.
export type Signal = ProjectedSignal;
export type SignalList = ProjectedSignalList;
export type Metric = DescribedMetric;
export type CaseView = InferResponseType<(typeof client.cases)[':caseId']['$get'], 200>;
export type Profile = 'officieel' | 'breed' | 'leerrecht';

/** A download URL of a report route with its query (same origin, the session cookie goes along). */
export function downloadUrl(path: string, query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  return `/api/${path}?${params}`;
}
