import Database from 'better-sqlite3';
import { writeBackup } from '../core/catalog/backups.ts';
import { damaged, quickCheck } from '../core/catalog/integrity.ts';
import { SettingsRepo } from '../core/catalog/settings.ts';
import { parse, requireCatalog, UsageError } from './args.ts';

export async function backup(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { db: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  const catalogFile = requireCatalog(values.db);
  // Read-only: a backup reads the catalog, and the app may have it open for writing.
  const db = new Database(catalogFile, { readonly: true, fileMustExist: true });
  try {
    const problem = quickCheck(db);
    if (problem) throw damaged(catalogFile, problem);
    const written = await writeBackup(db, catalogFile, new SettingsRepo(db).load()['catalog.backupsKept']);
    process.stdout.write(`${written.path}\n`);
    return 0;
  } finally {
    db.close();
  }
}
