import fs from 'node:fs';
import { parse, UsageError } from './args.ts';
import type { Command } from './commands.ts';
import { pseudonymise } from './pseudonymise.ts';

const MIN_KEY_BYTES = 16;

/** The region's key from its file, or why it cannot be used. */
export function readKeyFile(file: string): { key: Buffer } | { error: string } {
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8');
  if (key.length < MIN_KEY_BYTES) return { error: `De sleutel is te kort (${key.length} tekens); gebruik minstens ${MIN_KEY_BYTES}, bijvoorbeeld: openssl rand -hex 32 > sleutel.txt` };
  return { key };
}

export const pseudonymiseCommand: Command = {
  summary: 'vervangt bsn/onderwijsnummer in een CSV door childRef en laat identificerende kolommen weg',
  usage: '--key-file SLEUTELBESTAND < in.csv > uit.csv',
  async run(args) {
    const { values } = parse(args, { 'key-file': { type: 'string' } });
    if (!values['key-file']) throw new UsageError('--key-file is verplicht');
    const read = readKeyFile(values['key-file']);
    if ('error' in read) {
      process.stderr.write(`${read.error}\n`);
      return 1;
    }
    const result = pseudonymise(fs.readFileSync(0, 'utf8'), read.key);
    for (const warning of result.warnings) process.stderr.write(`Let op: ${warning}\n`);
    if (result.errors.length > 0) {
      for (const error of result.errors) process.stderr.write(`${error}\n`);
      process.stderr.write('Niets geschreven.\n');
      return 1;
    }
    process.stdout.write(result.csv);
    return 0;
  },
};
