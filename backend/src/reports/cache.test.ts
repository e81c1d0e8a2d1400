import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPglite, PostgresEventStore } from '@pact/events';
import { Projector } from '@pact/projections';
import { FigureCache } from './cache.ts';

describe('FigureCache', () => {
  it('computes once per request and version of the read models, sharing a computation in flight', async () => {
    const { db, close } = await openPglite();
    const projector = new Projector(db, await PostgresEventStore.create(db, 'pglite'));
    await projector.migrate();
    const cache = new FigureCache(db);
    let computed = 0;
    const compute = async () => ++computed;
    expect(await Promise.all([cache.get('a', compute), cache.get('a', compute)])).toEqual([1, 1]);
    expect(await cache.get('b', compute)).toBe(2);
    expect(await cache.get('a', compute)).toBe(1);
    await sql`insert into readmodel.checkpoints values ('figures', '7:1')`.execute(db);
    expect(await cache.get('a', compute)).toBe(3);
    await expect(cache.get('c', () => Promise.reject(new Error('fout')))).rejects.toThrow('fout');
    expect(await cache.get('c', compute)).toBe(4);
    await projector.forget([]); // an erasure changes the read models without moving the checkpoint
    expect(await cache.get('a', compute)).toBe(5);
    await close();
  }, 60_000);
});
