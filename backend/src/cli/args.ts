// Argument parsing for the CLI: strict, so a typo is a usage error (exit 2), not a silent default.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options every command takes. */
export const COMMON_OPTIONS = {
  'data-dir': { type: 'string' },
} as const satisfies Options;

type All<O> = O & typeof COMMON_OPTIONS;
/** Parsed option values: booleans for flags, strings (or arrays with `multiple`) otherwise. */
export type Values<O> = { [K in keyof All<O>]?: All<O>[K] extends { type: 'boolean' } ? boolean : All<O>[K] extends { multiple: true } ? string[] : string };

export function parse<O extends Options>(args: string[], options: O, positionals = 0): { values: Values<O>; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length !== positionals) throw new UsageError(`Verwacht ${positionals} argument(en), kreeg ${parsed.positionals.length}`);
    return { values: parsed.values as Values<O>, positionals: parsed.positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError((error as Error).message);
  }
}
