// "Play similar", "Similar tracks", "More like this album" and the analysis's status (core/similarity/).
import type { Similarity } from '../similarity/similarity.ts';
import type { Handlers } from './handlers.ts';

type SimilarityCommands = 'similar.status' | 'similar.tracks' | 'similar.album' | 'radio.next' | 'similar.setPaused';

export function similarityHandlers(similarity: Similarity): Pick<Handlers, SimilarityCommands> {
  return {
    'similar.status': () => similarity.freshStatus(),
    'similar.tracks': ({ ids, limit }) => similarity.tracks(ids, limit),
    'similar.album': ({ albumId, limit }) => similarity.album(albumId, limit),
    'radio.next': (ask) => similarity.radioNext(ask),
    'similar.setPaused': ({ paused }) => similarity.setPaused(paused),
  };
}
