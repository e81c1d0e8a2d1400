// Roles and scopes (interface.md, "Roles"): what each role may do, and which gemeenten/samenwerkingsverbanden
// it may see. Pure functions; the routes call them with the principal of the request.
import type { Scope } from '@pact/projections';
import type { Suppression } from '../reports/suppression.ts';
import { ApiError } from '../http/errors.ts';

export const ROLES = ['registrator', 'beleid', 'bestuur', 'raad', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The gemeente and samenwerkingsverband codes a user works for; admin ignores it. */
export interface UserScope {
  gemeenten: string[];
  swvs: string[];
}

export interface Principal {
  /** Username (local), `oidc:<sub>` (OpenID Connect) or `token:<id>` (API token). */
  subject: string;
  role: Role;
  scope: UserScope;
  via: 'session' | 'token' | 'cli';
  /** A local user logged in with a one-time password must choose a new one first. */
  mustChangePassword?: boolean;
}

export type Action =
  | 'append-events'
  | 'append-historical'
  | 'read-case'
  | 'read-signals'
  | 'read-reports'
  | 'export-reports'
  | 'export-cases'
  | 'read-metrics'
  | 'publish'
  | 'administer';

/** Who may do what. bestuur and raad never see case ids; the registrator reads its cases and signals, not reports. */
export const PERMISSIONS: Record<Action, readonly Role[]> = {
  'append-events': ['registrator', 'admin'],
  'append-historical': ['admin'],
  'read-case': ['registrator', 'beleid', 'admin'],
  'read-signals': ['registrator', 'beleid', 'admin'],
  'read-reports': ['beleid', 'bestuur', 'raad', 'admin'],
  'export-reports': ['beleid', 'bestuur', 'raad', 'admin'],
  'export-cases': ['beleid', 'admin'],
  'read-metrics': ROLES,
  publish: ['beleid', 'admin'],
  administer: ['admin'],
};

export const may = (principal: Principal, action: Action) => PERMISSIONS[action].includes(principal.role);

export function requirePermission(principal: Principal, action: Action): void {
  if (!may(principal, action)) throw new ApiError(403, 'FORBIDDEN', `De rol ${principal.role} mag dit niet`);
}

/** Small numbers are suppressed for bestuur and raad (also in their exports); beleid and admin see everything. */
export function suppressionFor(role: Role): Suppression {
  return role === 'beleid' || role === 'admin' ? 'none' : 'small-numbers';
}

/** The public roles: they read published, suppressed figures only (README, Publications). */
export const isPublic = (role: Role) => role === 'bestuur' || role === 'raad';

/**
 * Why a user or token of `role` may not have `scope`, or undefined: every role but admin needs a code, and a public
 * role exactly one (one whole gemeente or swv: two would let it subtract overlapping tables).
 */
export function scopeProblem(role: Role, scope: UserScope): string | undefined {
  if (role === 'admin') return undefined;
  const codes = scope.gemeenten.length + scope.swvs.length;
  if (codes === 0) return 'Deze rol heeft minstens één gemeente of samenwerkingsverband nodig (scope)';
  if (isPublic(role) && codes > 1) return 'Bestuur en raad zien de cijfers van één hele gemeente of één heel samenwerkingsverband: geef precies één code (scope)';
  return undefined;
}

/** Does a case (or meeting) of this gemeente/swv lie in the principal's scope? */
export function inScope(principal: Principal, codes: { gemeente?: string | null; swv?: string | null }): boolean {
  if (principal.role === 'admin') return true;
  return (!!codes.gemeente && principal.scope.gemeenten.includes(codes.gemeente)) || (!!codes.swv && principal.scope.swvs.includes(codes.swv));
}

/**
 * The scope a figure may be computed for: a request naming a gemeente and/or swv must lie within the
 * principal's scope (one named code of its own is enough: the cases of both codes are a subset); a request
 * naming none is narrowed to the principal's first code (gemeente before swv). Admin: as asked.
 */
export function reportScope(principal: Principal, requested: Scope): Scope {
  if (principal.role === 'admin') return requested;
  if (requested.gemeente || requested.swv) {
    if (inScope(principal, requested)) return requested;
    throw new ApiError(403, 'OUT_OF_SCOPE', 'Dit valt buiten uw gemeente of samenwerkingsverband', { scope: principal.scope });
  }
  const [gemeente] = principal.scope.gemeenten;
  if (gemeente) return { gemeente };
  const [swv] = principal.scope.swvs;
  if (swv) return { swv };
  throw new ApiError(403, 'NO_SCOPE', 'Aan uw account is geen gemeente of samenwerkingsverband gekoppeld');
}

/** `reportScope` for the `gemeente`/`swv` of a request's query (other fields ignored). */
export function queryScope(principal: Principal, query: { gemeente?: string; swv?: string }): Scope {
  return reportScope(principal, { ...(query.gemeente ? { gemeente: query.gemeente } : {}), ...(query.swv ? { swv: query.swv } : {}) });
}

/** Scope codes as given in a list (CLI, claims): gemeente codes and swv codes apart; anything else is refused. */
export function parseScopeCodes(codes: readonly string[]): UserScope | { invalid: string[] } {
  const gemeenten = codes.filter((c) => /^GM\d{4}$/.test(c));
  const swvs = codes.filter((c) => /^(PO|VO)\d{4}$/.test(c));
  const invalid = codes.filter((c) => !gemeenten.includes(c) && !swvs.includes(c));
  return invalid.length > 0 ? { invalid } : { gemeenten: [...new Set(gemeenten)], swvs: [...new Set(swvs)] };
}
