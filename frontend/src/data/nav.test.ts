import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../../backend/src/auth/roles.ts';
import { HOME, mayOpen, navFor } from './nav.ts';

describe('navigation per role', () => {
  it('shows each role its own menu, its main page first', () => {
    expect(navFor('raad').map((i) => i.label)).toEqual(['Pactbeloften', 'Jaarrapportage', 'Definities']);
    expect(navFor('registrator').map((i) => i.label)).toEqual(['Signaleringslijst', 'Casus', 'Definities']);
    expect(HOME).toEqual({ registrator: '/signalen', beleid: '/maandcijfers', bestuur: '/jaarrapportage', raad: '/pactbeloften', admin: '/jaarrapportage' });
  });

  it('opens only what the API lets the role read', () => {
    const reports = ['/jaarrapportage', '/print/jaarrapportage', '/pactbeloften', '/maandcijfers'];
    for (const role of ['registrator', 'beleid', 'bestuur', 'raad', 'admin'] as const) {
      for (const path of reports) expect(mayOpen(role, path), `${role} ${path}`).toBe(PERMISSIONS['read-reports'].includes(role) && (role !== 'raad' || path !== '/maandcijfers'));
      expect(mayOpen(role, '/signalen')).toBe(PERMISSIONS['read-signals'].includes(role));
      expect(mayOpen(role, '/casus/42fd3381-ed82-4450-9858-f2e52bc8f00d')).toBe(PERMISSIONS['read-case'].includes(role));
      expect(mayOpen(role, '/definities')).toBe(true);
      expect(mayOpen(role, '/wachtwoord')).toBe(true);
    }
    expect(mayOpen('beleid', '/casussen')).toBe(false);
  });
});
