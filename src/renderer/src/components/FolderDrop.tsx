// Drop folders anywhere on the window to add them to the library. In the app the preload
// turns each dropped File into its path (webUtils.getPathForFile); a browser never reveals
// paths, so there the user is pointed to the path field in Settings.
import { useEffect, useState } from 'react';
import { bridge } from '../bridge/api.ts';
import { useLibraryFolders } from '../stores/library-folders.ts';
import { useScan } from '../stores/scan.ts';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;

export function FolderDrop() {
  const [over, setOver] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const dragOver = (event: DragEvent) => {
      if (carriesFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      const paths = files.map((file) => bridge.pathForFile(file)).filter((path): path is string => !!path);
      if (paths.length === 0) {
        setMessage('Dropping folders works in the desktop app. Here, add the folder by its path in Settings.');
        return;
      }
      void (async () => {
        for (const path of paths) {
          if (!(await useLibraryFolders.getState().add(path))) {
            setMessage(useLibraryFolders.getState().error);
            return;
          }
        }
        setMessage(`Adding ${paths.length === 1 ? paths[0] : `${paths.length} folders`}…`);
        await useScan.getState().start();
      })();
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', dragOver);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', dragOver);
      window.removeEventListener('drop', drop);
    };
  }, []);

  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), 6000);
    return () => clearTimeout(timer);
  }, [message]);

  return (
    <>
      {over && <div className="drop-hint">Drop folders to add them to the library</div>}
      {message && (
        <div className="toast" role="status">
          {message}
        </div>
      )}
    </>
  );
}
