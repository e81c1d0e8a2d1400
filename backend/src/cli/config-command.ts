// `config show | check [FILE]`: the region configuration in force (PACT_CONFIG, else the defaults), or a check of a
// file without applying it (exit 1 with one line per key when it is invalid).
import { DEFAULT_CONFIG } from '@pact/projections';
import { readRegionConfig, RegionConfigError } from '../config.ts';
import { parse, UsageError } from './args.ts';
import type { Command } from './commands.ts';
import { cliConfig } from './common.ts';

export const configCommand: Command = {
  summary: 'toont de regioconfiguratie die geldt (show), of controleert een bestand zonder het toe te passen (check)',
  usage: 'show | check [BESTAND]',
  async run(args) {
    const [action, ...rest] = args;
    if (action === 'show') {
      const { values } = parse(rest, {});
      const config = cliConfig(values['data-dir']).region;
      process.stdout.write(`${JSON.stringify({ source: process.env.PACT_CONFIG ?? '(standaard)', config, defaults: DEFAULT_CONFIG }, null, 2)}\n`);
      return 0;
    }
    if (action !== 'check') throw new UsageError('Kies show of check');
    const { positionals } = parse(rest, {}, rest.filter((a) => !a.startsWith('--')).length);
    const target = positionals[0] ?? process.env.PACT_CONFIG;
    if (!target) throw new UsageError('Geef een bestand, of zet PACT_CONFIG');
    try {
      const config = readRegionConfig(target);
      process.stdout.write(`In orde: ${target}\n${JSON.stringify(config, null, 2)}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof RegionConfigError)) throw error;
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
  },
};
