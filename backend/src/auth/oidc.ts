// OpenID Connect login (production; most gemeenten use Microsoft Entra ID) through openid-client: authorization
// code flow with PKCE, state and nonce. The role and the scope come from claims of the ID token.
import * as client from 'openid-client';
import { parseScopeCodes, ROLES, type Principal, type Role } from './roles.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** The public URL of GET /api/auth/oidc/callback, as registered at the identity provider. */
  redirectUri: string;
  /** Claim with the role(s): a string or an array (Entra app roles: `roles`). */
  roleClaim: string;
  /** Claim with gemeente/swv codes: an array, or a string separated by spaces or commas. */
  scopeClaim: string;
  /** Claim value → role, for providers whose role names differ (e.g. `Pact.Beleid` → `beleid`). */
  roleMap: Record<string, Role>;
  scopes: string;
}

export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  if (!env.OIDC_ISSUER) return undefined;
  if (!env.OIDC_CLIENT_ID || !env.OIDC_REDIRECT_URI) throw new Error('OIDC_ISSUER is gezet: OIDC_CLIENT_ID en OIDC_REDIRECT_URI zijn dan verplicht');
  const roleMap: Record<string, Role> = {};
  for (const pair of (env.OIDC_ROLE_MAP ?? '').split(',').filter(Boolean)) {
    const [value, role] = pair.split('=').map((s) => s.trim());
    if (!ROLES.includes(role as Role)) throw new Error(`OIDC_ROLE_MAP: onbekende rol ${role} bij ${value}`);
    roleMap[value] = role as Role;
  }
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    redirectUri: env.OIDC_REDIRECT_URI,
    roleClaim: env.OIDC_ROLE_CLAIM || 'roles',
    scopeClaim: env.OIDC_SCOPE_CLAIM || 'pact_scope',
    roleMap,
    scopes: env.OIDC_SCOPES || 'openid profile email',
  };
}

/** When the provider gives several roles, the first of these wins. */
const ROLE_PREFERENCE: readonly Role[] = ['admin', 'beleid', 'registrator', 'bestuur', 'raad'];

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[\s,]+/).filter(Boolean) : [];

/** The principal of ID-token claims, or why there is none (no known role, an invalid scope code). */
export function principalFromClaims(claims: Record<string, unknown>, settings: Pick<OidcSettings, 'roleClaim' | 'scopeClaim' | 'roleMap'>): Omit<Principal, 'via'> | { error: string } {
  const roles = list(claims[settings.roleClaim]).map((v) => settings.roleMap[v] ?? v);
  const role = ROLE_PREFERENCE.find((r) => roles.includes(r));
  if (!role) return { error: `Geen Pactmonitor-rol in claim ${settings.roleClaim}` };
  const scope = parseScopeCodes(list(claims[settings.scopeClaim]));
  if ('invalid' in scope) return { error: `Ongeldige code in claim ${settings.scopeClaim}: ${scope.invalid.join(', ')}` };
  const name = typeof claims.preferred_username === 'string' ? claims.preferred_username : String(claims.sub);
  return { subject: `oidc:${name}`, role, scope };
}

/** What the browser keeps between the redirect to the provider and the callback (an HttpOnly cookie). */
export interface PendingLogin {
  verifier: string;
  state: string;
  nonce: string;
}

export class Oidc {
  private configuration?: Promise<client.Configuration>;

  constructor(readonly settings: OidcSettings) {}

  private config(): Promise<client.Configuration> {
    this.configuration ??= client.discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret).catch((error) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  async start(): Promise<{ url: URL; pending: PendingLogin }> {
    const config = await this.config();
    const pending = { verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce() };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /** Exchanges the code of the callback (its query string) for the ID token's claims. */
  async finish(search: string, pending: PendingLogin): Promise<Record<string, unknown>> {
    const config = await this.config();
    const current = new URL(this.settings.redirectUri);
    current.search = search;
    const tokens = await client.authorizationCodeGrant(config, current, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce });
    const claims = tokens.claims();
    if (!claims) throw new Error('Geen ID-token ontvangen');
    return claims as Record<string, unknown>;
  }
}
