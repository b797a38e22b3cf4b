// The cover in the tag editor: what the tracks have now, replaced by an image chosen or
// dropped, or removed. The image travels to the main process as base64 (a browser has no path).
import { useRef, useState, type DragEvent } from 'react';
import type { CoverChange, TagEditorState } from '../../../../shared/tags.ts';
import { bridge } from '../../bridge/api.ts';

const MIMES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
type Mime = (typeof MIMES)[number];

/** The headless host's socket takes messages up to 1 MiB (host/server.ts): an image, as base64, must fit. */
const BROWSER_LIMIT = 700 * 1024;
const APP_LIMIT = 15 * 1024 * 1024;

function readImage(file: File): Promise<CoverChange> {
  if (!(MIMES as readonly string[]).includes(file.type)) {
    return Promise.reject(new Error(`${file.name} is not a JPEG, PNG, WebP or GIF image`));
  }
  const inApp = window.tonearm !== undefined;
  if (file.size > (inApp ? APP_LIMIT : BROWSER_LIMIT)) {
    const advice = inApp ? '' : ' in a browser window: use the desktop app, or tonearm tag set --cover FILE';
    return Promise.reject(
      new Error(`${file.name} is too large for a cover (at most ${inApp ? '15 MB' : '700 KB'}${advice})`),
    );
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve({ kind: 'replace', mime: file.type as Mime, base64: String(reader.result).split(',')[1] ?? '' });
    reader.onerror = () => reject(new Error(`${file.name} could not be read`));
    reader.readAsDataURL(file);
  });
}

export function TagCoverField({
  current,
  change,
  onChange,
  onError,
}: {
  current: TagEditorState['cover'];
  change: CoverChange | undefined;
  onChange(change: CoverChange | undefined): void;
  onError(message: string): void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const take = (file: File | undefined) => {
    if (file) readImage(file).then(onChange, (err: Error) => onError(err.message));
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    take(event.dataTransfer.files[0]);
  };
  let preview;
  if (change?.kind === 'replace') preview = <img src={`data:${change.mime};base64,${change.base64}`} alt="New cover" />;
  else if (change?.kind === 'remove' || current.state === 'none') preview = <span>No cover</span>;
  else if (current.state === 'mixed') preview = <span>(mixed)</span>;
  else preview = <img src={bridge.coverUrl(current.hash, 'thumb')} alt="Cover" />;
  return (
    <div className="tag-cover">
      <div
        className={over ? 'tag-cover-preview drop' : 'tag-cover-preview'}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        title="Drop an image here"
      >
        {preview}
      </div>
      <div className="tag-cover-buttons">
        <button type="button" onClick={() => input.current?.click()}>
          Choose image…
        </button>
        <button
          type="button"
          onClick={() => onChange({ kind: 'remove' })}
          disabled={current.state === 'none' && !change}
        >
          Remove cover
        </button>
        {change && (
          <button type="button" onClick={() => onChange(undefined)}>
            Keep as it was
          </button>
        )}
        <input
          ref={input}
          type="file"
          accept={MIMES.join(',')}
          hidden
          onChange={(event) => take(event.currentTarget.files?.[0])}
        />
      </div>
    </div>
  );
}
