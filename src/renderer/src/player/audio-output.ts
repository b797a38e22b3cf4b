// The skeleton's player API, kept while views still import it from here: use actions.ts.
export { playTrack, seekTo, togglePlay } from './actions.ts';
