// What every router shares: the request's principal, the router factory with zod errors in our shape, and
// the guards the handlers call first.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { ApiError, zodDetails } from './errors.ts';
import { requirePermission, type Action, type Principal } from '../auth/roles.ts';

export interface AppEnv {
  Variables: { principal: Principal | null };
}

/** A feature router: request validation failures become 400 `INVALID_REQUEST` with one detail per field. */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ApiError(400, 'INVALID_REQUEST', 'Ongeldige invoer', zodDetails(result.error));
    },
  });
}

/** The logged-in principal, or 401; one that must change a one-time password first gets 403. */
export function principalOf(c: Context<AppEnv>, options: { allowPasswordChange?: boolean } = {}): Principal {
  const principal = c.get('principal');
  if (!principal) throw new ApiError(401, 'UNAUTHENTICATED', 'Meld u aan (sessie of API-token)');
  if (principal.mustChangePassword && !options.allowPasswordChange) {
    throw new ApiError(403, 'PASSWORD_CHANGE_REQUIRED', 'Kies eerst een nieuw wachtwoord (POST /api/auth/password)');
  }
  return principal;
}

/** The principal, who must be allowed `action`. */
export function authorised(c: Context<AppEnv>, action: Action): Principal {
  const principal = principalOf(c);
  requirePermission(principal, action);
  return principal;
}

/** Security schemes of the OpenAPI document, named by the routes. */
export const SECURITY: Record<string, string[]>[] = [{ session: [] }, { bearer: [] }];
