// Local users, sessions, API tokens and the audit trail: schema `app` of the read-model database (never the
// event log), created by the backend's own kysely migrations. Secrets (session ids, tokens) are stored hashed.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Migrator, sql, type Generated, type Kysely, type Migration } from 'kysely';
import type { Db } from '@pact/events';
import { hashPassword, randomPassword, verifyPassword } from './passwords.ts';
import { ROLES, scopeProblem, type Principal, type Role, type UserScope } from './roles.ts';

interface AppTables {
  'app.users': { username: string; password_hash: string | null; role: Role; scope: UserScope; must_change_password: boolean; created_at: Date };
  'app.sessions': { id_hash: string; subject: string; role: Role; scope: UserScope; must_change_password: boolean; created_at: Date; expires_at: Date };
  'app.tokens': { id: string; name: string; token_hash: string; role: Role; scope: UserScope; created_by: string; created_at: Date; expires_at: Date | null; revoked_at: Date | null; last_used_at: Date | null };
  'app.audit': { id: Generated<number>; at: Date; subject: string; role: string; action: string; target: string | null; params: Record<string, unknown> };
}

const initial: Migration = {
  async up(db) {
    await sql`create schema if not exists app`.execute(db);
    await sql`create table app.users (
      username text primary key, password_hash text, role text not null, scope jsonb not null,
      must_change_password boolean not null default false, created_at timestamptz not null)`.execute(db);
    await sql`create table app.sessions (
      id_hash text primary key, subject text not null, role text not null, scope jsonb not null,
      must_change_password boolean not null default false, created_at timestamptz not null, expires_at timestamptz not null)`.execute(db);
    await sql`create index sessions_subject on app.sessions (subject)`.execute(db);
    await sql`create table app.tokens (
      id uuid primary key, name text not null, token_hash text not null unique, role text not null, scope jsonb not null,
      created_by text not null, created_at timestamptz not null, expires_at timestamptz, revoked_at timestamptz, last_used_at timestamptz)`.execute(db);
    await sql`create table app.audit (
      id bigserial primary key, at timestamptz not null, subject text not null, role text not null, action text not null,
      target text, params jsonb not null)`.execute(db);
    await sql`create index audit_at on app.audit (at)`.execute(db);
  },
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The audit target of a view of a case that was erased since. */
export const ERASED_CASE = 'cases/(gewist)';
const TOKEN_PREFIX = 'pact_';

export interface UserView {
  username: string;
  role: Role;
  scope: UserScope;
  mustChangePassword: boolean;
  createdAt: string;
}

export interface TokenView {
  id: string;
  name: string;
  role: Role;
  scope: UserScope;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface AuditEntry {
  subject: string;
  role: string;
  action: string;
  target?: string | null;
  params?: Record<string, unknown>;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Everything about who may log in and what they did, on the read-model database. */
export class AuthStore {
  private readonly db: Kysely<AppTables>;

  constructor(
    db: Db,
    private readonly clock: () => Date = () => new Date(),
    private readonly sessionHours = 8,
  ) {
    this.db = db as unknown as Kysely<AppTables>;
  }

  async migrate(): Promise<void> {
    const migrator = new Migrator({ db: this.db, provider: { getMigrations: async () => ({ '001_auth': initial }) }, migrationTableSchema: 'app' });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error;
  }

  // --- users ---------------------------------------------------------------------------------------------
  async userCount(): Promise<number> {
    const row = await this.db.selectFrom('app.users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Adds a user; without a password one is generated, which must be changed at first login. Returns that one-time password. */
  async addUser(username: string, role: Role, scope: UserScope, password?: string): Promise<{ oneTimePassword?: string }> {
    if (!/^[a-z0-9][a-z0-9._@-]{1,63}$/i.test(username)) throw new Error('Ongeldige gebruikersnaam: 2 tot 64 letters, cijfers, . _ @ -');
    if (!ROLES.includes(role)) throw new Error('Onbekende rol');
    const problem = scopeProblem(role, scope);
    if (problem) throw new Error(problem);
    const oneTimePassword = password ? undefined : randomPassword();
    const inserted = await this.db
      .insertInto('app.users')
      .values({
        username,
        password_hash: await hashPassword(password ?? oneTimePassword!),
        role,
        scope: JSON.stringify(scope) as unknown as UserScope,
        must_change_password: !password,
        created_at: this.clock(),
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new Error(`Gebruiker ${username} bestaat al`);
    return { oneTimePassword };
  }

  /** The first start: when no user exists yet, `admin` with a one-time password (returned, to print once). */
  async ensureFirstAdmin(): Promise<string | undefined> {
    if ((await this.userCount()) > 0) return undefined;
    return (await this.addUser('admin', 'admin', { gemeenten: [], swvs: [] })).oneTimePassword;
  }

  async listUsers(): Promise<UserView[]> {
    const rows = await this.db.selectFrom('app.users').selectAll().orderBy('username').execute();
    return rows.map((r) => ({ username: r.username, role: r.role, scope: r.scope, mustChangePassword: r.must_change_password, createdAt: iso(r.created_at)! }));
  }

  /** Removes a user and ends its sessions; the last admin stays (`last-admin`), or nobody could administer. */
  async removeUser(username: string): Promise<boolean | 'last-admin'> {
    const user = await this.db.selectFrom('app.users').select('role').where('username', '=', username).executeTakeFirst();
    if (user?.role === 'admin') {
      const admins = await this.db.selectFrom('app.users').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) return 'last-admin';
    }
    await this.db.deleteFrom('app.sessions').where('subject', '=', username).execute();
    const result = await this.db.deleteFrom('app.users').where('username', '=', username).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Sets a new password chosen by the user; ends the user's other sessions. */
  async setPassword(username: string, password: string, keepSessionHash?: string): Promise<void> {
    await this.db.updateTable('app.users').set({ password_hash: await hashPassword(password), must_change_password: false }).where('username', '=', username).execute();
    let others = this.db.deleteFrom('app.sessions').where('subject', '=', username);
    if (keepSessionHash) others = others.where('id_hash', '!=', keepSessionHash);
    await others.execute();
    if (keepSessionHash) await this.db.updateTable('app.sessions').set({ must_change_password: false }).where('id_hash', '=', keepSessionHash).execute();
  }

  /** Resets a user's password to a new one-time password (admin); ends all of the user's sessions. */
  async resetPassword(username: string): Promise<string | undefined> {
    const password = randomPassword();
    const result = await this.db.updateTable('app.users').set({ password_hash: await hashPassword(password), must_change_password: true }).where('username', '=', username).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    await this.db.deleteFrom('app.sessions').where('subject', '=', username).execute();
    return password;
  }

  /** The user when the password is right (constant work when the user does not exist). */
  async checkPassword(username: string, password: string): Promise<UserView | undefined> {
    const row = await this.db.selectFrom('app.users').selectAll().where('username', '=', username).executeTakeFirst();
    const ok = await verifyPassword(password, row?.password_hash);
    if (!row || !ok) return undefined;
    return { username: row.username, role: row.role, scope: row.scope, mustChangePassword: row.must_change_password, createdAt: iso(row.created_at)! };
  }

  // --- sessions ------------------------------------------------------------------------------------------
  /** A new session (32 random bytes); only its hash is stored. Returns the id for the cookie. */
  async createSession(principal: Omit<Principal, 'via'>): Promise<string> {
    const id = randomBytes(32).toString('base64url');
    const now = this.clock();
    await this.db
      .insertInto('app.sessions')
      .values({
        id_hash: sha256(id),
        subject: principal.subject,
        role: principal.role,
        scope: JSON.stringify(principal.scope) as unknown as UserScope,
        must_change_password: principal.mustChangePassword ?? false,
        created_at: now,
        expires_at: new Date(now.getTime() + this.sessionHours * 3_600_000),
      })
      .execute();
    return id;
  }

  async session(id: string): Promise<(Principal & { sessionHash: string }) | undefined> {
    const row = await this.db.selectFrom('app.sessions').selectAll().where('id_hash', '=', sha256(id)).where('expires_at', '>', this.clock()).executeTakeFirst();
    if (!row) return undefined;
    return { subject: row.subject, role: row.role, scope: row.scope, via: 'session', mustChangePassword: row.must_change_password, sessionHash: row.id_hash };
  }

  async endSession(id: string): Promise<void> {
    await this.db.deleteFrom('app.sessions').where((eb) => eb.or([eb('id_hash', '=', sha256(id)), eb('expires_at', '<=', this.clock())])).execute();
  }

  // --- API tokens ----------------------------------------------------------------------------------------
  /**
   * A new token `pact_…` (shown once; only its hash is stored), and its audit entry in the same transaction: a token
   * never lives without one. `audit` gets the new id.
   */
  async addToken(name: string, role: Role, scope: UserScope, createdBy: string, expiresAt?: Date, audit?: (id: string) => AuditEntry): Promise<{ id: string; token: string }> {
    if (!ROLES.includes(role)) throw new Error('Onbekende rol');
    if (/[\u0000-\u001f\u007f]/.test(name)) throw new Error('Een tokennaam heeft geen stuurtekens');
    const problem = scopeProblem(role, scope);
    if (problem) throw new Error(problem);
    if (expiresAt && expiresAt.getTime() <= this.clock().getTime()) throw new Error('De vervaldatum van een token ligt in de toekomst');
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      await this.insertToken(trx, { id, name, token, role, scope, createdBy, expiresAt });
      if (audit) await this.auditIn(trx, audit(id));
    });
    return { id, token };
  }

  private async insertToken(
    db: Kysely<AppTables>,
    t: { id: string; name: string; token: string; role: Role; scope: UserScope; createdBy: string; expiresAt?: Date },
  ): Promise<void> {
    const { id, name, token, role, scope, createdBy, expiresAt } = t;
    await db
      .insertInto('app.tokens')
      .values({
        id,
        name,
        token_hash: sha256(token),
        role,
        scope: JSON.stringify(scope) as unknown as UserScope,
        created_by: createdBy,
        created_at: this.clock(),
        expires_at: expiresAt ?? null,
        revoked_at: null,
        last_used_at: null,
      })
      .execute();
  }

  async tokenPrincipal(token: string): Promise<Principal | undefined> {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined;
    const now = this.clock();
    const row = await this.db
      .selectFrom('app.tokens')
      .select(['id', 'role', 'scope', 'last_used_at'])
      .where('token_hash', '=', sha256(token))
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .executeTakeFirst();
    if (!row) return undefined;
    // last use to the minute: no write on every request of a busy import
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
      await this.db.updateTable('app.tokens').set({ last_used_at: now }).where('id', '=', row.id).execute();
    }
    return { subject: `token:${row.id}`, role: row.role, scope: row.scope, via: 'token' };
  }

  async listTokens(): Promise<TokenView[]> {
    const rows = await this.db.selectFrom('app.tokens').selectAll().orderBy('created_at').execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      role: r.role,
      scope: r.scope,
      createdBy: r.created_by,
      createdAt: iso(r.created_at)!,
      expiresAt: iso(r.expires_at),
      revokedAt: iso(r.revoked_at),
      lastUsedAt: iso(r.last_used_at),
    }));
  }

  async revokeToken(id: string): Promise<boolean> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return false;
    const result = await this.db.updateTable('app.tokens').set({ revoked_at: this.clock() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  // --- audit ---------------------------------------------------------------------------------------------
  async audit(entry: AuditEntry): Promise<void> {
    await this.auditIn(this.db, entry);
  }

  private async auditIn(db: Kysely<AppTables>, entry: AuditEntry): Promise<void> {
    await db
      .insertInto('app.audit')
      .values({ at: this.clock(), subject: entry.subject, role: entry.role, action: entry.action, target: entry.target ?? null, params: JSON.stringify(entry.params ?? {}) as never })
      .execute();
  }

  /**
   * Erasure: the views of these cases stay in the trail, without naming the case. Refreshes the planner's
   * statistics of the table, which hold sampled values of its columns.
   */
  async forgetCases(caseIds: readonly string[]): Promise<void> {
    if (caseIds.length === 0) return;
    await this.db.updateTable('app.audit').set({ target: ERASED_CASE }).where('target', 'in', caseIds.map((id) => `cases/${id}`)).execute();
    await sql`analyze app.audit`.execute(this.db);
  }

  /** The newest entry of one action, if any. */
  async lastAudit(action: string): Promise<(AuditEntry & { at: string }) | undefined> {
    const r = await this.db.selectFrom('app.audit').selectAll().where('action', '=', action).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return r && { at: iso(r.at)!, subject: r.subject, role: r.role, action: r.action, target: r.target, params: r.params };
  }

  async auditLog(limit = 100): Promise<(AuditEntry & { at: string })[]> {
    const rows = await this.db.selectFrom('app.audit').selectAll().orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({ at: iso(r.at)!, subject: r.subject, role: r.role, action: r.action, target: r.target, params: r.params }));
  }
}
