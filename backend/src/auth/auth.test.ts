import { describe, expect, it } from 'vitest';
import { principalFromClaims } from './oidc.ts';
import { hashPassword, randomPassword, verifyPassword } from './passwords.ts';
import { RateLimiter } from './rate-limit.ts';

describe('passwords', () => {
  it('hashes with scrypt and a salt, and verifies', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await hashPassword('correct horse battery')).not.toBe(hash);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('wrong horse battery', hash)).toBe(false);
    expect(await verifyPassword('anything', undefined)).toBe(false);
  });

  it('makes random passwords of 20 characters', () => {
    expect(randomPassword()).toMatch(/^[a-z2-9]{20}$/);
    expect(randomPassword()).not.toBe(randomPassword());
  });
});

describe('RateLimiter', () => {
  it('allows `limit` attempts per window, then says how long to wait', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 60_000, () => now);
    expect([limiter.hit('a'), limiter.hit('a'), limiter.hit('b')]).toEqual([0, 0, 0]);
    now = 15_000;
    expect(limiter.hit('a')).toBe(45);
    now = 60_000;
    expect(limiter.hit('a')).toBe(0);
    limiter.hit('a');
    limiter.reset('a');
    expect(limiter.hit('a')).toBe(0);
  });
});

describe('OpenID Connect claims', () => {
  const settings = { roleClaim: 'roles', scopeClaim: 'pact_scope', roleMap: { 'Pact.Beleid': 'beleid' as const } };

  it('maps Entra app roles and a scope claim to a principal', () => {
    expect(principalFromClaims({ sub: 'abc', preferred_username: 'j.jansen@utrecht.nl', roles: ['Pact.Beleid'], pact_scope: ['GM0344', 'PO2601'] }, settings)).toEqual({
      subject: 'oidc:j.jansen@utrecht.nl',
      role: 'beleid',
      scope: { gemeenten: ['GM0344'], swvs: ['PO2601'] },
    });
    expect(principalFromClaims({ sub: 'abc', roles: 'raad admin', pact_scope: 'GM0344' }, settings)).toMatchObject({ subject: 'oidc:abc', role: 'admin' });
  });

  it('refuses a token without a known role or with a bad scope code', () => {
    expect(principalFromClaims({ sub: 'abc', roles: ['Medewerker'] }, settings)).toEqual({ error: 'Geen Pactmonitor-rol in claim roles' });
    expect(principalFromClaims({ sub: 'abc', roles: ['raad'], pact_scope: ['Utrecht'] }, settings)).toEqual({ error: 'Ongeldige code in claim pact_scope: Utrecht' });
  });
});
