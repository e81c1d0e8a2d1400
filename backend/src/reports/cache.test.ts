import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPglite } from '@pact/events';
import { FigureCache } from './cache.ts';

describe('FigureCache', () => {
  it('computes once per request and checkpoint, sharing a computation in flight', async () => {
    const { db, close } = await openPglite();
    await sql`create schema readmodel`.execute(db);
    await sql`create table readmodel.checkpoints (name text primary key, position text not null)`.execute(db);
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
    await close();
  }, 60_000);
});
