import fs from 'node:fs';
import { cliConfig } from './common.ts';
import { openRuntime } from '../runtime.ts';
import { parse, UsageError } from './args.ts';
import type { Command } from './commands.ts';
import { readKeyFile } from './pseudonymise-command.ts';
import { formatCsvErrors, importCsv, loadMapping } from '../csv-import/import.ts';

export const importCsvCommand: Command = {
  summary: 'leest een CSV-export via een mapping in als events, alles of niets',
  usage: 'BESTAND.csv --mapping MAPPING.json|NAAM [--dry-run] [--key-file SLEUTELBESTAND]',
  async run(args) {
    const { values, positionals } = parse(args, { mapping: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'key-file': { type: 'string' } }, 1);
    if (!values.mapping) throw new UsageError('--mapping is verplicht');
    const file = positionals[0];
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
      process.stderr.write(`Bestand niet gevonden: ${file}\n`);
      return 2;
    }
    const mapping = loadMapping(values.mapping);
    if (!mapping.ok) {
      for (const e of mapping.errors) process.stderr.write(`mapping: ${e}\n`);
      return 2;
    }
    let key: Buffer | undefined;
    if (values['key-file']) {
      const read = readKeyFile(values['key-file']);
      if ('error' in read) {
        process.stderr.write(`${read.error}\n`);
        return 1;
      }
      key = read.key;
    }
    const runtime = await openRuntime(cliConfig(values['data-dir']));
    try {
      const result = await importCsv(runtime.store, fs.readFileSync(file), mapping.mapping, { key, clock: runtime.clock, dryRun: values['dry-run'] ?? false });
      if (!result.ok) {
        process.stderr.write(formatCsvErrors(result));
        return 1;
      }
      if (result.planned) for (const event of result.planned) process.stdout.write(JSON.stringify(event) + '\n');
      process.stdout.write(JSON.stringify({ [result.planned ? 'wouldAppend' : 'appended']: result.appended, duplicates: result.duplicates }) + '\n');
      return 0;
    } finally {
      await runtime.close();
    }
  },
};
