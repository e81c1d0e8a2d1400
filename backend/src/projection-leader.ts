// Many app instances on one PostgreSQL, one projector: the instance holding a session-level advisory lock, on a
// connection of its own, runs the projection. The others try again every second; when the holder dies its session
// ends, PostgreSQL releases the lock, and the next try takes over. The holder checks its connection as often:
// lost, it stops projecting before another can have taken over for long. Which instance holds the lock is read
// from PostgreSQL (the holder's application_name), so every instance can say who projects.
// On the embedded default (PGlite, one process, the data dir locked) the one process always projects.
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** The advisory lock's key (two int4s: 'PACT', 'PROJ'). */
const LOCK = [0x50414354, 0x50524f4a] as const;
/** Startup migrations of several instances take turns (create table if not exists is not safe concurrently). */
const MIGRATE_LOCK = [0x50414354, 0x4d494752] as const;
const APP_NAME_PREFIX = 'pactmonitor-projector:';
const RETRY_MS = 1000;

/** This process, as /api/health names it: PACT_INSTANCE, or host and process id. */
export const instanceId = (env: NodeJS.ProcessEnv = process.env): string => env.PACT_INSTANCE || `${hostname()}:${process.pid}`;

export interface ProjectionLeadership {
  readonly instance: string;
  /** Whether this instance runs the projection now. */
  projecting(): boolean;
  /** The instance that runs it (null: none at the moment). */
  projector(): Promise<string | null>;
  /** Stops projecting (if it does) and gives up the lock. */
  stop(): Promise<void>;
}

export interface LeadOptions {
  /** The PostgreSQL server of the read models; without it (embedded) this process always projects. */
  databaseUrl?: string;
  instance: string;
  /** Runs the projection until the signal aborts. */
  project(signal: AbortSignal): Promise<void>;
  retryMs?: number;
  log?: (message: string) => void;
}

export function leadProjection(options: LeadOptions): ProjectionLeadership {
  const stopping = new AbortController();
  const log = options.log ?? ((message) => console.log(message));
  if (!options.databaseUrl) {
    const running = options.project(stopping.signal);
    return {
      instance: options.instance,
      projecting: () => !stopping.signal.aborted,
      projector: async () => (stopping.signal.aborted ? null : options.instance),
      async stop() {
        stopping.abort();
        await running;
      },
    };
  }
  const url = options.databaseUrl;
  const retryMs = options.retryMs ?? RETRY_MS;
  let leading = false;
  const loop = (async () => {
    while (!stopping.signal.aborted) {
      const client = new pg.Client({ connectionString: url, application_name: APP_NAME_PREFIX + options.instance });
      let lost = false;
      client.on('error', () => (lost = true));
      try {
        await client.connect();
        while (!stopping.signal.aborted && !lost) {
          const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, $2) as ok', [...LOCK]);
          if (rows[0].ok) break;
          await sleep(retryMs, undefined, { signal: stopping.signal }).catch(() => {});
        }
        if (stopping.signal.aborted || lost) continue;
        leading = true;
        log(`Deze instantie (${options.instance}) voert nu de projecties uit`);
        const projection = new AbortController();
        const running = options.project(projection.signal);
        // the projection stops on its own only by an error it does not retry: then this instance lets go too
        let ended = false;
        void running.finally(() => (ended = true));
        while (!stopping.signal.aborted && !lost && !ended) {
          await sleep(retryMs, undefined, { signal: stopping.signal }).catch(() => {});
          if (stopping.signal.aborted) break;
          await client.query('select 1').catch(() => (lost = true));
        }
        projection.abort();
        await running.catch(() => {});
        leading = false;
        if (lost) log(`De verbinding van de projectievergrendeling is verbroken; ${options.instance} projecteert niet meer`);
      } catch (error) {
        if (!stopping.signal.aborted) log(`Projectievergrendeling: ${(error as Error).message}; over ${retryMs} ms opnieuw`);
        leading = false;
        await sleep(retryMs, undefined, { signal: stopping.signal }).catch(() => {});
      } finally {
        await client.end().catch(() => {}); // ends the session: the lock is released
      }
    }
  })();
  return {
    instance: options.instance,
    projecting: () => leading,
    projector: () => lockHolder(url),
    async stop() {
      stopping.abort();
      await loop;
    },
  };
}

/** The instance whose session holds the projection lock, from PostgreSQL's view of locks and sessions. */
async function lockHolder(url: string): Promise<string | null> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `select a.application_name as name from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted and l.classid = $1 and l.objid = $2 and l.database = (select oid from pg_database where datname = current_database())`,
      [...LOCK],
    );
    return rows[0] ? rows[0].name.slice(APP_NAME_PREFIX.length) : null;
  });
}

/** Runs `fn` (the startup migrations) while no other instance runs its own; embedded, just runs it. */
export async function migrationTurn<T>(databaseUrl: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!databaseUrl) return fn();
  return withClient(databaseUrl, async (client) => {
    await client.query('select pg_advisory_lock($1, $2)', [...MIGRATE_LOCK]);
    try {
      return await fn();
    } finally {
      await client.query('select pg_advisory_unlock($1, $2)', [...MIGRATE_LOCK]);
    }
  });
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}
