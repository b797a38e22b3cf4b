import { resolve } from 'node:path';
import { Core } from '../core/core.ts';
import { logStart, openLogFile } from '../core/log-file.ts';
import { dataPaths } from '../core/paths.ts';
import { intOption, parse, UsageError } from './args.ts';
import { parserEntry } from './entries.ts';
import { terminalProgress } from './progress-bar.ts';
import { VERSION } from './version.ts';

export async function scan(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length === 0) throw new UsageError('scan needs at least one folder');
  const workers = intOption(values.workers, 'workers', 1, 64);
  openLogFile(dataPaths(values.db).dataDir, 'tonearm scan');
  logStart('tonearm scan', VERSION);
  const core = new Core({ dbPath: values.db, host: 'browser', version: VERSION, parserEntry: parserEntry(), workers });
  try {
    void core.parser.start();
    const rootIds: number[] = [];
    for (const dir of positionals) {
      // A folder the catalog knows is scanned as it is, without touching it first: if it is an
      // offline share, the scan is what finds that out (quickly), not a hung realpath here.
      const path = resolve(dir);
      const known = core.catalog.roots.byPath(path);
      rootIds.push((known ?? (await core.addRoot(path))).id);
    }
    const progress = process.stderr.isTTY ? terminalProgress(process.stderr) : null;
    const unsubscribe = core.bus.on('scan.progress', (payload) => progress?.update(payload));
    const stop = () => core.scanner.cancel();
    process.once('SIGINT', stop);
    const summary = await core.scanner.start({ rootIds }).done;
    process.off('SIGINT', stop);
    unsubscribe();
    progress?.end();
    if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else if (summary.error) process.stderr.write(`${summary.error.message}\n`);
    else {
      const offline = summary.offlineRoots.length > 0 ? `; offline: ${summary.offlineRoots.join(', ')}` : '';
      process.stderr.write(
        `${summary.added} added, ${summary.updated} updated, ${summary.moved} moved, ${summary.missing} missing, ` +
          `${summary.removed} removed, ${summary.unchanged} unchanged, ${summary.failed} failed; ` +
          `${summary.tracks} tracks in ${(summary.durationMs / 1000).toFixed(2)} s${offline}\n`,
      );
    }
    return summary.cancelled || summary.error ? 1 : 0;
  } finally {
    await core.close();
  }
}
