// The one error shape of interface.md: `{ "error": { "code", "message", "details"? } }` with the right status.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { unknownFields } from '@pact/events';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'INVALID_REQUEST' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}

export function errorResponse(c: Context, error: ApiError): Response {
  for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
  return c.json(errorBody(error.code, error.message, error.details), error.status);
}

/** The responses every route documents besides its own. */
const described = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });
export const ERROR_RESPONSES = {
  400: described('Ongeldige invoer'),
  401: described('Niet aangemeld'),
  403: described('Geen toegang voor deze rol of dit bereik'),
} as const;
export const errorResponses = <const S extends readonly (404 | 409 | 413 | 422 | 429 | 503)[]>(...extra: S) => ({
  ...ERROR_RESPONSES,
  ...(Object.fromEntries(extra.map((s) => [s, described(EXTRA[s])])) as { [K in S[number]]: ReturnType<typeof described> }),
});
const EXTRA = { 404: 'Niet gevonden', 409: 'Versieconflict', 413: 'Verzoek te groot', 422: 'Regel overtreden', 429: 'Te veel pogingen', 503: 'Niet beschikbaar' };

type Issue = z.core.$ZodIssue;

/**
 * The issues that say what is wrong: of a union (`[...]` or `{ events }`) whose alternatives were all refused, those
 * of the one alternative of the input's own kind (the others only say "expected array"); else the union's message.
 */
function specific(issue: Issue): Issue[] {
  if (issue.code === 'invalid_key') return issue.issues.map((i) => ({ ...i, path: issue.path }) as Issue); // a record's key
  if (issue.code !== 'invalid_union') return [issue];
  const wrongKind = (i: Issue) => i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value');
  const ofItsKind = issue.errors.filter((issues) => !issues.some(wrongKind));
  if (ofItsKind.length !== 1) return [issue];
  return ofItsKind[0].flatMap((i) => specific({ ...i, path: [...issue.path, ...i.path] } as Issue));
}

/** A zod validation failure as the details of a 400: one entry per field. */
export function zodDetails(error: z.ZodError): { field: string; code: string; message: string }[] {
  return error.issues.flatMap(specific).flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') return [unknownFields(path, issue.keys.length)];
    return [{ field: path.join('.'), code: 'INVALID_FIELD', message: issue.message }];
  });
}
