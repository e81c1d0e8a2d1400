// One process at a time may open the embedded database in a data dir: a second one would corrupt it.
import fs from 'node:fs';
import path from 'node:path';

/** Is `pid` a running process? A zombie (killed, not yet reaped by its parent) holds nothing and counts as gone. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // Linux: the state letter follows the command name in parentheses, e.g. "1234 (node) Z 1 …".
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

/** Takes the lock of `dataDir` (creating the dir) or throws naming the process that holds it. Returns the release. */
export function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'pact.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && alive(holder)) {
        throw new Error(`De datamap ${dataDir} is in gebruik door proces ${holder} (bijvoorbeeld npm start). Stop dat proces eerst, of gebruik de API.`);
      }
      fs.rmSync(file, { force: true }); // left by a process that is gone
    }
  }
  throw new Error(`Kon de datamap ${dataDir} niet vergrendelen`);
}
