// `npm run pact -- <command>`: the command-line tool of interface.md. Exit 0 on success, 1 on rejected input,
// 2 on misuse. Every command takes --data-dir and honours DATABASE_URL / EVENTSTORE_URL.
import { commands } from './commands.ts';
import { UsageError } from './args.ts';

const USAGE = `Gebruik: npm run pact -- <opdracht> [opties]

Opdrachten:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(13)} ${c.summary}`)
  .join('\n')}

Elke opdracht kent --data-dir DIR (standaard ./data) en gebruikt DATABASE_URL / EVENTSTORE_URL als die gezet zijn.`;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Onbekende opdracht: ${name}\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\nGebruik: npm run pact -- ${name} ${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
