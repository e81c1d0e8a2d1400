// The real program: the first start creates `admin` with a one-time password printed once; `user add` on the
// CLI adds a user; both log in over HTTP with a session cookie.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { startServer } from '../support/server.ts';

describe('login on the running server', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pact-api-'));
  const dataDir = path.join(dir, 'data');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the first admin password once; users added with the CLI can log in', async () => {
    const added = await runCli(['user', 'add', 'de.vries', '--role', 'beleid', '--scope', 'GM0344', '--data-dir', dataDir]);
    expect(added.code).toBe(0);
    const password = /Eenmalig wachtwoord .*: (\S+)/.exec(added.stdout)![1];
    expect((await runCli(['user', 'add', 'de.vries', '--role', 'beleid', '--scope', 'GM0344', '--data-dir', dataDir])).code).toBe(1);
    expect((await runCli(['user', 'add', 'x', '--role', 'raad', '--data-dir', dataDir])).code).toBe(2);

    // a user exists, so the first start creates no admin
    const server = await startServer({ PACT_DATA_DIR: dataDir });
    try {
      expect(server.output()).not.toContain('eenmalige wachtwoord');
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ username: 'de.vries', password }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie } });
      expect(await me.json()).toMatchObject({ subject: 'de.vries', role: 'beleid', mustChangePassword: true });
      const changed = await fetch(`${server.url}/api/auth/password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, cookie },
        body: JSON.stringify({ currentPassword: password, newPassword: 'mijn eigen wachtwoord' }),
      });
      expect(changed.status).toBe(204);
      const metrics = await fetch(`${server.url}/api/metrics`, { headers: { cookie } });
      expect(metrics.status).toBe(200);
      expect(metrics.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('creates admin with a one-time password on the first start of an empty data dir', async () => {
    const server = await startServer({ PACT_DATA_DIR: path.join(dir, 'fresh') });
    try {
      const password = /eenmalige wachtwoord (\S+)/.exec(server.output())![1];
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ username: 'admin', password }) });
      expect(await login.json()).toMatchObject({ role: 'admin', mustChangePassword: true });
    } finally {
      await server.stop();
    }
    const again = await startServer({ PACT_DATA_DIR: path.join(dir, 'fresh') });
    expect(again.output()).not.toContain('eenmalige wachtwoord');
    await again.stop();
  });
});
