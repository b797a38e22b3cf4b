// The `tonearm` command: a stable interface that benchmarks and checks drive (see DESIGN.md).
// Exit codes: 0 done, 1 failed (one-line reason on stderr), 2 bad usage.
import '../core/threadpool.ts';
import { errorSentence } from '../../shared/error-text.ts';
import { COMMAND_HELP, USAGE, UsageError } from './args.ts';
import { backup } from './backup.ts';
import { playlist } from './playlist.ts';
import { query } from './query.ts';
import { restore } from './restore.ts';
import { scan } from './scan.ts';
import { serve } from './serve.ts';
import { tag } from './tag.ts';
import { similar } from './similar.ts';
import { VERSION } from './version.ts';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  query,
  scan,
  serve,
  backup,
  restore,
  playlist,
  tag,
  similar,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`tonearm ${VERSION}\n`);
    return 0;
  }
  const command = name ? COMMANDS[name] : undefined;
  if (command && (rest.includes('--help') || rest.includes('-h'))) {
    process.stdout.write(`${COMMAND_HELP[name!]}\n`);
    return 0;
  }
  if (!command) {
    process.stderr.write(`${name ? `Unknown command: ${name}\n` : ''}${USAGE}\n`);
    return 2;
  }
  try {
    return await command(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`tonearm ${name}: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`tonearm ${name}: ${errorSentence(err)}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`tonearm: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
