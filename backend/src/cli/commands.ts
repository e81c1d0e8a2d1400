// The CLI's commands, one entry each: what it does, how it is called, and its implementation.
import { configCommand } from './config-command.ts';
import { eraseCommand } from './erase.ts';
import { importCommand } from './import.ts';
import { importCsvCommand } from './import-csv.ts';
import { pseudonymiseCommand } from './pseudonymise-command.ts';
import { tokenCommand, userCommand } from './users.ts';
import { metricsCommand, monthlyCommand, projectCommand, publishCommand, reportCommand, signalsCommand } from './reports.ts';
import { demoCommand, generateCommand } from '../simulator/commands.ts';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

export const commands: Record<string, Command> = {
  import: importCommand,
  'import-csv': importCsvCommand,
  pseudonymise: pseudonymiseCommand,
  project: projectCommand,
  report: reportCommand,
  monthly: monthlyCommand,
  signals: signalsCommand,
  publish: publishCommand,
  metrics: metricsCommand,
  config: configCommand,
  demo: demoCommand,
  generate: generateCommand,
  user: userCommand,
  token: tokenCommand,
  erase: eraseCommand,
};
