import { openCatalog } from '../core/catalog/index.ts';
import { damaged, isCorruption } from '../core/catalog/integrity.ts';
import { VectorReads } from '../core/catalog/reads/vectors.ts';
import { loadSpace } from '../core/similarity/analyser.ts';
import { Neighbours } from '../core/similarity/neighbours.ts';
import { intOption, parse, requireCatalog, UsageError } from './args.ts';
import { errorMessage } from '../../shared/error-text.ts';

/** How features/ weighs each dimension, as the app compares them: weights belong to the version that made the vectors. */
async function weights(featureVersion: number): Promise<number[] | null> {
  const space = await loadSpace();
  return space.featureVersion === featureVersion ? space.weights : null;
}

export async function similar(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: 'string' },
    id: { type: 'string', multiple: true },
    limit: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument: ${positionals[0]}`);
  const ids = (values.id ?? []).map((text) => intOption(text, 'id', 1, Number.MAX_SAFE_INTEGER)!);
  if (ids.length === 0) throw new UsageError('name a track: --id N');
  if (ids.length > 100) throw new UsageError('at most 100 --id');
  const limit = intOption(values.limit, 'limit', 1, 200) ?? 20;
  const catalogFile = requireCatalog(values.db);
  // A one-shot search needs the catalog alone, in this process: no threads, no analysis.
  const catalog = openCatalog(catalogFile);
  try {
    // The vectors the app analysed last; a newer analysis not run yet leaves the older ones unused, as in the app.
    const featureVersion = new VectorReads(catalog.db).newestFeatureVersion();
    const found =
      featureVersion === null
        ? { seedsWithoutVector: ids.length, rows: [], unrelatedDistance: null }
        : new Neighbours(catalog.db).tracks(ids, limit, { featureVersion, weights: await weights(featureVersion) });
    if (values.json) process.stdout.write(`${JSON.stringify(found)}\n`);
    else {
      for (const { track, distance } of found.rows) {
        process.stdout.write(
          `${distance.toFixed(3)}  ${track.id}  ${track.artist || 'Unknown artist'} - ${track.title}\n`,
        );
      }
    }
    if (found.seedsWithoutVector > 0) {
      const which =
        found.seedsWithoutVector === ids.length
          ? 'No track named has'
          : `${found.seedsWithoutVector} of the tracks named have`;
      process.stderr.write(
        `${which} been analysed yet: the app analyses in the background (Settings shows how far).\n`,
      );
    }
    return 0;
  } catch (err) {
    throw isCorruption(err) ? damaged(catalogFile, errorMessage(err)) : err;
  } finally {
    catalog.close();
  }
}
