// Local or network, per library folder: detected from the mount table, and the user's word
// wins. A network folder is read through the chunk cache.
import { useState } from 'react';
import type { Root, RootKind } from '../../../../shared/domain.ts';
import { call } from '../../bridge/api.ts';
import { useLibraryFolders } from '../../stores/library-folders.ts';
import { errorMessage } from '../../../../shared/error-text.ts';

export function RootKindSelect({ root }: { root: Root }) {
  const refresh = useLibraryFolders((state) => state.refresh);
  const [error, setError] = useState<string | null>(null);
  const choose = async (value: string) => {
    try {
      const kind = value === 'detected' ? null : (value as RootKind);
      await call('library.setRootKind', { rootId: root.id, kind });
      setError(null);
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <span className="root-kind">
      <select
        aria-label={`Kind of ${root.path}`}
        value={root.kindOverride ?? 'detected'}
        onChange={(e) => void choose(e.target.value)}
      >
        <option value="detected">Detected: {root.kindDetected}</option>
        <option value="local">Local</option>
        <option value="network">Network (cached)</option>
      </select>
      {error && (
        <span className="setting-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
