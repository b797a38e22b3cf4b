// `tonearm query`: the same search language and the same orders as the views, run
// synchronously on the caller's connection (a one-shot command has nothing else to do).
import type Database from 'better-sqlite3';
import { TRACK_SORT_FIELDS, type TrackSort, type TrackSortField } from '../../../shared/views.ts';
import { CatalogReads } from '../catalog/reads/index.ts';
import { ViewsEngine } from './engine.ts';

export const SORT_HELP = `${TRACK_SORT_FIELDS.join(', ')} (add :desc or :asc; added is newest first)`;

/** "year", "year:desc", "added" (newest first, as a player lists it); null if not a sort. */
export function parseSort(text: string): TrackSort | null {
  const [field, direction] = text.split(':');
  if (!(TRACK_SORT_FIELDS as readonly string[]).includes(field ?? '')) return null;
  if (direction !== undefined && direction !== 'asc' && direction !== 'desc') return null;
  return { field: field as TrackSortField, desc: direction ? direction === 'desc' : field === 'added' };
}

/** The ids of the tracks matching `search` (all of them without one), in the order asked. */
export function queryTrackIds(db: Database.Database, options: { search?: string; sort: TrackSort }): number[] {
  const filter =
    options.search === undefined ? { type: 'all' as const } : { type: 'search' as const, text: options.search };
  return Array.from(new ViewsEngine(new CatalogReads(db)).trackIds({ kind: 'tracks', filter, sort: options.sort }));
}
