// Opens the Similar tracks page for a selection or an album.
import { useNavigation } from '../stores/navigation.ts';
import { pickSeeds } from './radio-plan.ts';

/** `title`: the track's, when one track is the seed. */
export function showSimilar(ids: number[], title: string | undefined): void {
  if (ids.length === 0) return;
  const seeds = pickSeeds(ids);
  const label = seeds.length === 1 && title ? title : `${ids.length.toLocaleString()} tracks`;
  useNavigation.getState().open({ kind: 'similar', ids: seeds, albumId: null, label });
}

export function showSimilarToAlbum(albumId: number, title: string): void {
  useNavigation.getState().open({ kind: 'similar', ids: null, albumId, label: title });
}
