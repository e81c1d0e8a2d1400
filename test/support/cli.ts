// Runs the real CLI (`npm run pact -- …` is `tsx backend/src/cli/main.ts …`) as a child process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `stdoutFile`: stdout goes to that file as it is (binary output such as xlsx), not into `stdout`. */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; stdoutFile?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, 'backend/src/cli/main.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', EVENTSTORE_URL: '', ...options.env },
      stdio: ['pipe', options.stdoutFile ? fs.openSync(options.stdoutFile, 'w') : 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin!.end(options.input ?? '');
  });
}
