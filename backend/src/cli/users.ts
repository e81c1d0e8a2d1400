// `user` and `token`: local users (login with a password) and API tokens (machine imports), on the read-model
// database. Passwords and tokens are shown once and stored hashed.
import fs from 'node:fs';
import { cliConfig } from './common.ts';
import { passwordProblem } from '../auth/passwords.ts';
import { parseScopeCodes, ROLES, type Role, type UserScope } from '../auth/roles.ts';
import { AuthStore } from '../auth/store.ts';
import { openRuntime } from '../runtime.ts';
import { parse, UsageError } from './args.ts';
import type { Command } from './commands.ts';

const print = (text: string) => process.stdout.write(`${text}\n`);

async function withAuthStore<T>(dataDir: string | undefined, fn: (auth: AuthStore) => Promise<T>): Promise<T> {
  const runtime = await openRuntime(cliConfig(dataDir));
  try {
    const auth = new AuthStore(runtime.db, runtime.clock);
    await auth.migrate();
    return await fn(auth);
  } finally {
    await runtime.close();
  }
}

function roleOf(value: string | undefined): Role {
  if (!value || !ROLES.includes(value as Role)) throw new UsageError(`--role is verplicht: ${ROLES.join(', ')}`);
  return value as Role;
}

function scopeOf(codes: string[] | undefined, role: Role): UserScope {
  const scope = parseScopeCodes(codes ?? []);
  if ('invalid' in scope) throw new UsageError(`Ongeldige --scope: ${scope.invalid.join(', ')} (GM…, PO… of VO… met 4 cijfers)`);
  if (role !== 'admin' && scope.gemeenten.length + scope.swvs.length === 0) throw new UsageError('--scope is verplicht voor deze rol, bijvoorbeeld --scope GM0344');
  return scope;
}

const SCOPE_OPTIONS = { role: { type: 'string' }, scope: { type: 'string', multiple: true } } as const;

export const userCommand: Command = {
  summary: 'lokale gebruikers: add NAAM --role R --scope GM0344 | list | remove NAAM | reset NAAM',
  usage: 'add NAAM --role registrator|beleid|bestuur|raad|admin [--scope CODE]... [--password-stdin] | list | remove NAAM | reset NAAM',
  async run(args) {
    const [action, ...rest] = args;
    switch (action) {
      case 'add': {
        const { values, positionals } = parse(rest, { ...SCOPE_OPTIONS, 'password-stdin': { type: 'boolean' } }, 1);
        const role = roleOf(values.role);
        const scope = scopeOf(values.scope, role);
        let password: string | undefined;
        if (values['password-stdin']) {
          password = fs.readFileSync(0, 'utf8').replace(/\r?\n$/, '');
          const problem = passwordProblem(password, positionals[0]);
          if (problem) {
            process.stderr.write(`${problem}\n`);
            return 1;
          }
        }
        return withAuthStore(values['data-dir'], async (auth) => {
          try {
            const { oneTimePassword } = await auth.addUser(positionals[0], role, scope, password);
            print(`Gebruiker ${positionals[0]} toegevoegd (${role}${scope.gemeenten.length + scope.swvs.length ? `, ${[...scope.gemeenten, ...scope.swvs].join(' ')}` : ''}).`);
            if (oneTimePassword) print(`Eenmalig wachtwoord (wordt niet nog eens getoond; wijzigen bij de eerste aanmelding): ${oneTimePassword}`);
            return 0;
          } catch (error) {
            process.stderr.write(`${(error as Error).message}\n`);
            return 1;
          }
        });
      }
      case 'list': {
        const { values } = parse(rest, {});
        return withAuthStore(values['data-dir'], async (auth) => {
          for (const u of await auth.listUsers()) print([u.username, u.role, [...u.scope.gemeenten, ...u.scope.swvs].join(',') || '-', u.mustChangePassword ? 'eenmalig wachtwoord' : ''].join('\t').trimEnd());
          return 0;
        });
      }
      case 'remove':
      case 'reset': {
        const { values, positionals } = parse(rest, {}, 1);
        return withAuthStore(values['data-dir'], async (auth) => {
          const name = positionals[0];
          if (action === 'remove') {
            const removed = await auth.removeUser(name);
            if (removed === 'last-admin') return (process.stderr.write('Dit is de laatste beheerder: maak eerst een andere beheerder aan\n'), 1);
            if (!removed) return (process.stderr.write(`Onbekende gebruiker: ${name}\n`), 1);
            print(`Gebruiker ${name} verwijderd.`);
            return 0;
          }
          const password = await auth.resetPassword(name);
          if (!password) return (process.stderr.write(`Onbekende gebruiker: ${name}\n`), 1);
          print(`Nieuw eenmalig wachtwoord voor ${name}: ${password}`);
          return 0;
        });
      }
      default:
        throw new UsageError(`Onbekende actie: ${action ?? '(geen)'} (add, list, remove, reset)`);
    }
  },
};

export const tokenCommand: Command = {
  summary: 'API-tokens voor machine-imports: add NAAM --role R --scope .. | list | revoke ID',
  usage: 'add NAAM --role registrator|admin|… [--scope CODE]... [--expires TIJDSTIP] | list | revoke ID',
  async run(args) {
    const [action, ...rest] = args;
    switch (action) {
      case 'add': {
        const { values, positionals } = parse(rest, { ...SCOPE_OPTIONS, expires: { type: 'string' } }, 1);
        const role = roleOf(values.role);
        const scope = scopeOf(values.scope, role);
        const expires = values.expires ? new Date(values.expires) : undefined;
        if (expires && Number.isNaN(expires.getTime())) throw new UsageError(`Ongeldig tijdstip voor --expires: ${values.expires}`);
        return withAuthStore(values['data-dir'], async (auth) => {
          const { id, token } = await auth.addToken(positionals[0], role, scope, 'cli', expires);
          print(`Token ${id} (${positionals[0]}, ${role}); het token wordt niet nog eens getoond:`);
          print(token);
          return 0;
        });
      }
      case 'list': {
        const { values } = parse(rest, {});
        return withAuthStore(values['data-dir'], async (auth) => {
          for (const t of await auth.listTokens()) print([t.id, t.name, t.role, [...t.scope.gemeenten, ...t.scope.swvs].join(',') || '-', t.revokedAt ? `ingetrokken ${t.revokedAt}` : t.expiresAt ? `verloopt ${t.expiresAt}` : ''].join('\t').trimEnd());
          return 0;
        });
      }
      case 'revoke': {
        const { values, positionals } = parse(rest, {}, 1);
        return withAuthStore(values['data-dir'], async (auth) => {
          if (!(await auth.revokeToken(positionals[0]))) return (process.stderr.write(`Onbekend of al ingetrokken token: ${positionals[0]}\n`), 1);
          print(`Token ${positionals[0]} ingetrokken.`);
          return 0;
        });
      }
      default:
        throw new UsageError(`Onbekende actie: ${action ?? '(geen)'} (add, list, revoke)`);
    }
  },
};
