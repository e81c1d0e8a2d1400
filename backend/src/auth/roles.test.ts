import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/errors.ts';
import { inScope, may, parseScopeCodes, reportScope, suppressionFor, type Principal, type Role } from './roles.ts';

const who = (role: Role, gemeenten: string[] = [], swvs: string[] = []): Principal => ({ subject: 'x', role, scope: { gemeenten, swvs }, via: 'token' });
const status = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return `${(error as ApiError).status} ${(error as ApiError).code}`;
  }
};

describe('reportScope', () => {
  it('narrows a request without scope to the first code (gemeente before swv)', () => {
    expect(reportScope(who('raad', ['GM0344', 'GM0307'], ['PO2601']), {})).toEqual({ gemeente: 'GM0344' });
    expect(reportScope(who('beleid', [], ['PO2601']), {})).toEqual({ swv: 'PO2601' });
  });

  it('allows a scope that lies within the principal’s, refuses another', () => {
    const p = who('bestuur', ['GM0344']);
    expect(reportScope(p, { gemeente: 'GM0344', swv: 'VO2602' })).toEqual({ gemeente: 'GM0344', swv: 'VO2602' });
    expect(status(() => reportScope(p, { gemeente: 'GM0307' }))).toBe('403 OUT_OF_SCOPE');
    expect(status(() => reportScope(p, { swv: 'PO2601' }))).toBe('403 OUT_OF_SCOPE');
    expect(status(() => reportScope(who('raad'), {}))).toBe('403 NO_SCOPE');
  });

  it('lets admin ask anything', () => {
    expect(reportScope(who('admin'), {})).toEqual({});
    expect(reportScope(who('admin'), { gemeente: 'GM0307' })).toEqual({ gemeente: 'GM0307' });
  });
});

describe('roles', () => {
  it('keeps case ids from bestuur and raad, reports from the registrator', () => {
    expect(['registrator', 'beleid', 'bestuur', 'raad', 'admin'].filter((r) => may(who(r as Role), 'read-case'))).toEqual(['registrator', 'beleid', 'admin']);
    expect(may(who('registrator'), 'read-reports')).toBe(false);
    expect(may(who('beleid'), 'export-cases')).toBe(true);
    expect(may(who('bestuur'), 'export-cases')).toBe(false);
  });

  it('suppresses for bestuur, raad (and the registrator), not for beleid and admin', () => {
    expect((['registrator', 'beleid', 'bestuur', 'raad', 'admin'] as Role[]).map(suppressionFor)).toEqual(['small-numbers', 'none', 'small-numbers', 'small-numbers', 'none']);
  });

  it('decides a case’s scope by its gemeente or swv', () => {
    expect(inScope(who('registrator', ['GM0344']), { gemeente: 'GM0344', swv: 'PO2601' })).toBe(true);
    expect(inScope(who('registrator', [], ['PO2601']), { gemeente: 'GM0307', swv: 'PO2601' })).toBe(true);
    expect(inScope(who('registrator', ['GM0344']), { gemeente: 'GM0307', swv: 'PO2601' })).toBe(false);
  });

  it('parses scope codes', () => {
    expect(parseScopeCodes(['GM0344', 'PO2601', 'GM0344'])).toEqual({ gemeenten: ['GM0344'], swvs: ['PO2601'] });
    expect(parseScopeCodes(['GM34', 'utrecht'])).toEqual({ invalid: ['GM34', 'utrecht'] });
  });
});
