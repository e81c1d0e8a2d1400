import fs from 'node:fs';
import { cliConfig } from './common.ts';
import type { EventStore } from '@pact/events';
import { ingest, readNdjson, type IngestInput } from '../ingest.ts';
import { openRuntime } from '../runtime.ts';
import { parse } from './args.ts';
import type { Command } from './commands.ts';

/** Reads an NDJSON file line by line (files larger than one string can hold). */
export async function readNdjsonFile(file: string): Promise<IngestInput[]> {
  return (await readNdjson(fs.createReadStream(file))).inputs;
}

/** A field path as shown: quoted when it holds anything but letters, digits and `._$-` (a blank key, say). */
const fieldName = (field: string) => (field === '' ? '(regel)' : /^[\w.$-]+$/.test(field) ? field : JSON.stringify(field));

/** What `import` reports for a file's inputs, and its exit code: 0 appended, 1 rejected (nothing appended). */
export async function importInputs(store: EventStore, inputs: readonly IngestInput[], options: { historical: boolean; clock: () => Date }): Promise<{ code: 0 | 1; stdout: string; stderr: string }> {
  const result = await ingest(store, inputs, options);
  if (result.ok) return { code: 0, stdout: JSON.stringify({ appended: result.appended, duplicates: result.duplicates }) + '\n', stderr: '' };
  if ('conflict' in result) return { code: 1, stdout: '', stderr: `${result.conflict.message}. Niets toegevoegd; probeer het opnieuw.\n` };
  let stderr = '';
  for (const e of result.errors) stderr += `regel ${e.line}: ${fieldName(e.field)}: ${e.message} [${e.code}]\n`;
  if (result.count > result.errors.length) stderr += `… en nog ${result.count - result.errors.length} fouten\n`;
  stderr += `Niets toegevoegd: ${result.lines} ${result.lines === 1 ? 'regel' : 'regels'} afgekeurd.\n`;
  return { code: 1, stdout: '', stderr };
}

export const importCommand: Command = {
  summary: 'controleert een NDJSON-bestand met events en voegt alles toe, of niets',
  usage: 'BESTAND.ndjson [--historical]',
  async run(args) {
    const { values, positionals } = parse(args, { historical: { type: 'boolean' } }, 1);
    const file = positionals[0];
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      process.stderr.write(`Bestand niet gevonden: ${file}\n`);
      return 2;
    }
    const inputs = await readNdjsonFile(file);
    const runtime = await openRuntime(cliConfig(values['data-dir']));
    try {
      const { code, stdout, stderr } = await importInputs(runtime.store, inputs, { historical: values.historical ?? false, clock: runtime.clock });
      process.stdout.write(stdout);
      process.stderr.write(stderr);
      return code;
    } finally {
      await runtime.close();
    }
  },
};
