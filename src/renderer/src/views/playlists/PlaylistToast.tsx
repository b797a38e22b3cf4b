// What the last playlist edit has to say: a deleted playlist with its Undo, or a sentence.
import { useEffect } from 'react';
import { usePlaylists } from '../../stores/playlists.ts';
import { undoDelete } from './actions.ts';

const SHOWN_MS = 8000;

export function PlaylistToast() {
  const deleted = usePlaylists((state) => state.deleted);
  const notice = usePlaylists((state) => state.notice);
  const setDeleted = usePlaylists((state) => state.setDeleted);
  const say = usePlaylists((state) => state.say);

  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [deleted, setDeleted]);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => say(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [notice, say]);

  if (deleted) {
    return (
      <div className="toast playlist-toast" role="status">
        Deleted “{deleted.name}”.{' '}
        <button type="button" onClick={() => void undoDelete()}>
          Undo
        </button>
      </div>
    );
  }
  return notice ? (
    <div className="toast playlist-toast" role="status">
      {notice}
    </div>
  ) : null;
}
