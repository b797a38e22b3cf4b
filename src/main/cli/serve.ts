import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CoreSlot } from '../core/core-slot.ts';
import { logStart, openLogFile } from '../core/log-file.ts';
import { dataPaths } from '../core/paths.ts';
import { log } from '../core/log.ts';
import { startHost } from '../host/server.ts';
import { intOption, parse, requireCatalog } from './args.ts';
import { parserEntry } from './entries.ts';
import { VERSION } from './version.ts';

/** The built renderer: beside the bundle (out/main → out/renderer), or from a source checkout. */
function rendererDir(): string {
  const candidates = ['../renderer', '../../../out/renderer'].map((rel) =>
    fileURLToPath(new URL(rel, import.meta.url)),
  );
  return candidates.find((dir) => existsSync(`${dir}/index.html`)) ?? candidates[0]!;
}

export async function serve(argv: string[]): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, port: { type: 'string' } });
  const port = intOption(values.port, 'port', 0, 65535);
  // The app's own catalog is made on its first start; a --db that names nothing is a typo,
  // not a request for an empty library there.
  if (values.db !== undefined) requireCatalog(values.db);
  openLogFile(dataPaths(values.db).dataDir, 'tonearm serve');
  logStart('tonearm serve', VERSION);
  const slot = new CoreSlot(
    { dbPath: values.db, host: 'browser', version: VERSION, parserEntry: parserEntry() },
    { watch: true },
  );
  // A damaged catalog still serves: the page offers its backups (Settings → Library).
  slot.open();
  const host = await startHost({ core: slot, rendererDir: rendererDir(), port });
  process.stdout.write(`Tonearm at ${host.url}\n`);
  log.info(`serving on ${new URL(host.url).origin}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  await slot.close();
  return 0;
}
