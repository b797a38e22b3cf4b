// The nearest-neighbour side of similarity, on one read-only connection: the vectors loaded
// on the first question and kept in step with what the job writes, the query cache, and the
// answers of "Similar tracks", "More like this album" and the radio.
import type Database from 'better-sqlite3';
import type { RadioBatch, SimilarTracks } from '../../../shared/similarity.ts';
import { RowReads } from '../catalog/reads/rows.ts';
import { VectorReads } from '../catalog/reads/vectors.ts';
import { QueryCache } from './query-cache.ts';
import { pickRadio, type RadioRules } from './radio.ts';
import { VectorIndex, type Neighbour } from './vector-index.ts';

/** Which vectors are compared, and how their dimensions weigh (features/' GROUP_WEIGHTS). */
export interface VectorSpace {
  featureVersion: number;
  weights: number[] | null;
}

export interface RadioRequest {
  seedIds: number[];
  recentIds: number[];
  excludeGenres: string[];
  count: number;
  artistSpacing: number;
  /** ms since the epoch: nothing played after now − 1 hour comes back. */
  now: number;
}

/** A seed list scores each row by its nearest seed; more than this many seeds are sampled evenly. */
const MAX_QUERY_SEEDS = 5;
/** New vectors are looked for at most this often (each look clears the cache when there were some). */
const SYNC_EVERY_MS = 5000;
/** Candidates the radio looks through, widened until a batch is full. */
const RADIO_POOLS = [64, 1000, 5000];
const POOL_STEP = 64;
const HOUR_MS = 3_600_000;
/** Asked for beyond the limit, for the nearest tracks that turn out missing or offline. */
const spare = (limit: number) => Math.max(16, limit);

/**
 * The root-mean-square distance between two vectors picked at random: each standardised
 * dimension has spread 1 times its weight, and two independent draws differ by twice its
 * variance in square, so E[d²] = 2 Σ w² (rotating onto the principal axes changes no distance).
 */
export function unrelatedDistance(dims: number, space: VectorSpace): number {
  let sum = 0;
  for (let i = 0; i < dims; i++) sum += (space.weights?.[i] ?? 1) ** 2;
  return Math.sqrt(2 * sum);
}

export class Neighbours {
  private readonly vectors: VectorReads;
  private readonly rows: RowReads;
  private readonly cache = new QueryCache();
  private index: VectorIndex | null = null;
  private loadedSeq = 0;
  private featureVersion = -1;
  private syncedAt = -Infinity;

  constructor(db: Database.Database) {
    this.vectors = new VectorReads(db);
    this.rows = new RowReads(db);
  }

  tracks(seedIds: number[], limit: number, space: VectorSpace): SimilarTracks {
    const { seedsWithoutVector, hits } = this.nearest(seedIds, limit + seedIds.length + spare(limit), space);
    const seeds = new Set(seedIds);
    return this.withRows(
      hits.filter((hit) => !seeds.has(hit.id)),
      limit,
      seedsWithoutVector,
      space,
    );
  }

  album(albumId: number, limit: number, space: VectorSpace): SimilarTracks {
    const own = this.vectors.albumTrackIds(albumId);
    const ownSet = new Set(own);
    const { seedsWithoutVector, hits } = this.nearest(own.slice(0, 100), limit + own.length + spare(limit), space);
    return this.withRows(
      hits.filter((hit) => !ownSet.has(hit.id)),
      limit,
      seedsWithoutVector,
      space,
    );
  }

  radio(request: RadioRequest, space: VectorSpace): RadioBatch {
    const rules: RadioRules = {
      artistSpacing: request.artistSpacing,
      excludeGenres: request.excludeGenres,
      playedSince: request.now - HOUR_MS,
    };
    const recent = this.vectors.facts(request.recentIds);
    let seedsWithoutVector = request.seedIds.length;
    for (const pool of RADIO_POOLS) {
      // Rounded up, so a radio's refills ask the same question while its queue grows: cache hits.
      const k = Math.ceil((pool + request.recentIds.length) / POOL_STEP) * POOL_STEP;
      const found = this.nearest(request.seedIds, k, space);
      seedsWithoutVector = found.seedsWithoutVector;
      const facts = this.inOrder(found.hits);
      const trackIds = pickRadio(
        { candidates: facts, seedIds: request.seedIds, recentIds: request.recentIds, recent, count: request.count },
        rules,
      );
      // A pool that held every vector cannot grow: what it gave is all there is.
      const everything = found.hits.length < k;
      if (trackIds.length >= request.count || everything || pool === RADIO_POOLS.at(-1)) {
        return { trackIds, seedsWithoutVector, exhausted: trackIds.length < request.count };
      }
    }
    return { trackIds: [], seedsWithoutVector, exhausted: true };
  }

  cacheStats(): { hits: number; misses: number; entries: number } {
    return this.cache.stats();
  }

  /** Vectors held, and the bytes they take (the bench's memory figure). */
  held(): { vectors: number; bytes: number } {
    return { vectors: this.index?.size ?? 0, bytes: this.index?.bytes ?? 0 };
  }

  /** The k nearest to the seeds that have vectors, seeds included (callers leave out what they must). */
  private nearest(
    seedIds: readonly number[],
    k: number,
    space: VectorSpace,
  ): { seedsWithoutVector: number; hits: Neighbour[] } {
    const index = this.sync(space);
    const withVector = seedIds.filter((id) => index.has(id));
    const seedsWithoutVector = seedIds.length - withVector.length;
    if (withVector.length === 0) return { seedsWithoutVector, hits: [] };
    const step = withVector.length / MAX_QUERY_SEEDS;
    const sampled =
      step <= 1 ? withVector : Array.from({ length: MAX_QUERY_SEEDS }, (_, i) => withVector[Math.floor(i * step)]!);
    const hits = this.cache.get(sampled, k, () =>
      index.nearest(
        sampled.map((id) => index.vectorOf(id)!.slice()),
        k,
      ),
    );
    return { seedsWithoutVector, hits };
  }

  private inOrder(hits: readonly Neighbour[]) {
    const byId = new Map(this.vectors.facts(hits.map((hit) => hit.id)).map((facts) => [facts.id, facts]));
    return hits.flatMap((hit) => byId.get(hit.id) ?? []);
  }

  private withRows(hits: Neighbour[], limit: number, seedsWithoutVector: number, space: VectorSpace): SimilarTracks {
    const distance = new Map(hits.map((hit) => [hit.id, hit.distance]));
    const rows = this.rows
      .tracks(hits.map((hit) => hit.id))
      .filter((track) => track.available)
      .slice(0, limit)
      .map((track) => ({ track, distance: distance.get(track.id)! }));
    return {
      seedsWithoutVector,
      rows,
      unrelatedDistance: this.index ? unrelatedDistance(this.index.dims, space) : null,
    };
  }

  /**
   * The index as the catalog has it now: built whole on first use, when vectors went away
   * (tracks purged, the feature version changed) or when the library grew by half since it was
   * standardised; else topped up with what was written since.
   */
  private sync(space: VectorSpace): VectorIndex {
    const now = performance.now();
    const { featureVersion } = space;
    if (this.index && featureVersion === this.featureVersion && now - this.syncedAt < SYNC_EVERY_MS) return this.index;
    this.syncedAt = now;
    const stored = this.vectors.vectorCount(featureVersion);
    const grown = this.index !== null && stored > Math.max(100, this.index.standardisedOver * 1.5);
    if (!this.index || featureVersion !== this.featureVersion || stored < this.index.size || grown) {
      this.index = null;
      this.loadedSeq = 0;
      this.featureVersion = featureVersion;
    }
    if (this.index && this.vectors.maxSeq() === this.loadedSeq) return this.index;
    let index = this.index;
    for (const [id, bytes, seq] of this.vectors.vectorsSince(this.loadedSeq, featureVersion)) {
      index ??= new VectorIndex(bytes.byteLength / 4, stored);
      index.setBytes(id, bytes);
      this.loadedSeq = seq;
    }
    index?.standardise(space.weights);
    this.index = index;
    this.cache.clear();
    return index ?? new VectorIndex(1, 1);
  }
}
