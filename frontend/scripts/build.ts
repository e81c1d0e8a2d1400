// Builds the dashboard (frontend/dist) when it is missing or older than what it is made from: `npm start` runs
// this first (`prestart`), and the browser tests through vitest's globalSetup, so a fresh clone just works.
// `--force` (`npm run build`) builds anyway. Text files are also written compressed (.br, .gz), which the server
// sends to browsers that accept them (backend/src/dashboard.ts).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';

const FRONTEND = path.resolve(import.meta.dirname, '..');
const BUILT = path.join(FRONTEND, 'dist', 'index.html');
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json', '../package-lock.json'].map((p) => path.join(FRONTEND, p));

/** The newest modification time of a file, or of any file below a folder. */
function newest(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((name) => newest(path.join(target, name))));
}

export function isStale(): boolean {
  return !fs.existsSync(BUILT) || Math.max(...SOURCES.map(newest)) > fs.statSync(BUILT).mtimeMs;
}

export async function buildDashboard(): Promise<void> {
  console.log('Het dashboard wordt gebouwd (frontend/dist)…');
  await build({ configFile: path.join(FRONTEND, 'vite.config.ts'), logLevel: 'warn' });
  for (const file of fs.readdirSync(path.dirname(BUILT), { recursive: true, encoding: 'utf8' })) {
    if (!/\.(js|css|html|svg)$/.test(file)) continue;
    const target = path.join(path.dirname(BUILT), file);
    const content = fs.readFileSync(target);
    fs.writeFileSync(`${target}.br`, zlib.brotliCompressSync(content));
    fs.writeFileSync(`${target}.gz`, zlib.gzipSync(content, { level: 9 }));
  }
}

export async function ensureBuilt(): Promise<void> {
  if (isStale()) await buildDashboard();
}

/** vitest globalSetup: the browser tests and the PDF export need the built dashboard. */
export const setup = ensureBuilt;

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) await (process.argv.includes('--force') ? buildDashboard() : ensureBuilt());
