import fs from 'node:fs';
import readline from 'node:readline';
import { configFromEnv } from '../config.ts';
import { ingest, parseLine, type IngestInput } from '../ingest.ts';
import { openRuntime } from '../runtime.ts';
import { parse } from './args.ts';
import type { Command } from './commands.ts';

const MAX_ERRORS_SHOWN = 200;

/** Reads an NDJSON file line by line (files larger than one string can hold). */
export async function readNdjsonFile(file: string): Promise<IngestInput[]> {
  const inputs: IngestInput[] = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    const input = parseLine(text, line);
    if (input) inputs.push(input);
  }
  return inputs;
}

export const importCommand: Command = {
  summary: 'controleert een NDJSON-bestand met events en voegt alles toe, of niets',
  usage: 'BESTAND.ndjson [--historical]',
  async run(args) {
    const { values, positionals } = parse(args, { historical: { type: 'boolean' } }, 1);
    const file = positionals[0];
    if (!fs.existsSync(file)) {
      process.stderr.write(`Bestand niet gevonden: ${file}\n`);
      return 2;
    }
    const inputs = await readNdjsonFile(file);
    const runtime = await openRuntime(configFromEnv(process.env, values['data-dir'] ? { dataDir: values['data-dir'] } : {}));
    try {
      const result = await ingest(runtime.store, inputs, { historical: values.historical ?? false, clock: runtime.clock });
      if (result.ok) {
        process.stdout.write(JSON.stringify({ appended: result.appended, duplicates: result.duplicates }) + '\n');
        return 0;
      }
      if ('conflict' in result) {
        process.stderr.write(`${result.conflict.message}. Niets toegevoegd; probeer het opnieuw.\n`);
        return 1;
      }
      for (const e of result.errors.slice(0, MAX_ERRORS_SHOWN)) {
        process.stderr.write(`regel ${e.line}: ${e.field || '(regel)'}: ${e.message} [${e.code}]\n`);
      }
      if (result.errors.length > MAX_ERRORS_SHOWN) process.stderr.write(`… en nog ${result.errors.length - MAX_ERRORS_SHOWN} fouten\n`);
      const lines = new Set(result.errors.map((e) => e.line)).size;
      process.stderr.write(`Niets toegevoegd: ${lines} ${lines === 1 ? 'regel' : 'regels'} afgekeurd.\n`);
      return 1;
    } finally {
      await runtime.close();
    }
  },
};
