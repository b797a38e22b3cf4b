// The tag editor: one track or many. A field the tracks share shows its value; one that
// differs shows "(mixed)" and is left as each file has it unless typed into. Numbering and
// case fixes are worked out per file by the main process; a large batch shows its progress
// and can be cancelled; the batch's outcome lists each file that could not be written, and
// offers to undo it.
import '../../styles/tag-editor.css';
import { useEffect, useRef, useState } from 'react';
import type {
  CaseStyle,
  CoverChange,
  TagBatchResult,
  TagEditorState,
  TagField,
  TagProgress,
  TagTransforms,
} from '../../../../shared/tags.ts';
import { call, onEvent } from '../../bridge/api.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { sentence } from '../playlists/actions.ts';
import { TagCoverField } from './TagCoverField.tsx';
import { useTagDialog } from './tag-dialog.ts';
import { changesOf, formValues, NUMBER_FIELDS, TEXT_FIELDS, type FormValues } from './tag-form.ts';
import { errorMessage } from '../../../../shared/error-text.ts';

const CASE_FIELDS = ['title', 'artist', 'album', 'albumArtist', 'composer'] as const;

export function TagEditorDialog() {
  const trackIds = useTagDialog((s) => s.trackIds)!;
  const close = useTagDialog((s) => s.close);
  const [state, setState] = useState<TagEditorState | null>(null);
  const [values, setValues] = useState<FormValues | null>(null);
  const [touched, setTouched] = useState<Set<TagField>>(new Set());
  const [cover, setCover] = useState<CoverChange | undefined>();
  const [numbering, setNumbering] = useState(false);
  const [caseStyle, setCaseStyle] = useState<CaseStyle | ''>('');
  const [writing, setWriting] = useState(false);
  const [progress, setProgress] = useState<TagProgress | null>(null);
  const [result, setResult] = useState<TagBatchResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('tags.read', { ids: trackIds }).then(
      (read) => {
        if (!live) return;
        setState(read);
        setValues(formValues(read));
      },
      (err: unknown) => live && setError(sentence(err)),
    );
    return () => {
      live = false;
    };
  }, [trackIds]);
  useEffect(() => onEvent('tags.progress', setProgress), []);

  const edit = (field: TagField, value: string) => {
    setValues((v) => ({ ...v!, [field]: value }));
    setTouched((t) => new Set(t).add(field));
  };

  const run = async (work: () => Promise<TagBatchResult>) => {
    setWriting(true);
    setError(null);
    setProgress(null);
    try {
      setResult(await work());
    } catch (err) {
      setError(sentence(err));
    } finally {
      setWriting(false);
    }
  };

  const submit = () => {
    if (!state || !values || writing) return;
    let changes;
    try {
      changes = changesOf(values, touched);
    } catch (err) {
      setError(errorMessage(err));
      return;
    }
    const transforms: TagTransforms = {};
    if (numbering) transforms.number = { total: true };
    if (caseStyle) transforms.fixCase = { style: caseStyle, fields: [...CASE_FIELDS] };
    void run(() => call('tags.write', { ids: state.ids, changes, cover, transforms }));
  };

  const title = trackIds.length > 1 ? `Edit tags of ${trackIds.length} tracks` : 'Edit tags';
  if (result)
    return (
      <Outcome
        title={title}
        result={result}
        close={close}
        undo={() => void run(() => call('tags.undo', {}))}
        writing={writing}
        error={error}
      />
    );
  const mixed = (field: TagField) => state?.fields[field].mixed ?? false;
  const input = (field: TagField, label: string, className?: string) => (
    <label className={className ? `dialog-field ${className}` : 'dialog-field'} key={field}>
      {label}
      <input
        name={field}
        value={values?.[field] ?? ''}
        placeholder={mixed(field) ? '(mixed)' : ''}
        disabled={!values || writing}
        onChange={(event) => edit(field, event.currentTarget.value)}
      />
    </label>
  );
  return (
    <FormDialog title={title} onClose={close} onSubmit={submit} className="tag-editor">
      {state && state.refused.length > 0 && (
        <p className="tag-refused">
          {state.refused.length} of {trackIds.length} cannot be edited: {state.refused[0]!.message}
        </p>
      )}
      <div className="tag-grid">
        <div className="tag-texts">{TEXT_FIELDS.map(({ field, label }) => input(field, label))}</div>
        <div className="tag-side">
          {state && <TagCoverField current={state.cover} change={cover} onChange={setCover} onError={setError} />}
          <div className="tag-numbers">
            {NUMBER_FIELDS.map(({ field, label }) => input(field, label, 'tag-number'))}
          </div>
          <Compilation
            mixed={mixed('compilation')}
            value={values?.compilation === 'true'}
            onChange={(on) => edit('compilation', String(on))}
          />
          <label className="tag-check">
            <input type="checkbox" checked={numbering} onChange={(e) => setNumbering(e.currentTarget.checked)} />
            Number tracks 1–{state?.ids.length ?? trackIds.length} in list order
          </label>
          <label className="dialog-field">
            Fix case of title, artists, album, composer
            <select value={caseStyle} onChange={(e) => setCaseStyle(e.currentTarget.value as CaseStyle | '')}>
              <option value="">Leave as it is</option>
              <option value="title">Title Case</option>
              <option value="sentence">Sentence case</option>
              <option value="upper">UPPER CASE</option>
              <option value="lower">lower case</option>
            </select>
          </label>
        </div>
      </div>
      {writing && progress && (
        <div className="tag-progress">
          <progress max={progress.total} value={progress.done} />
          <span>
            {progress.done} of {progress.total}
          </span>
        </div>
      )}
      {error && (
        <p className="dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        {writing ? (
          <button type="button" onClick={() => void call('tags.cancel', {})}>
            Stop
          </button>
        ) : (
          <button type="button" onClick={close}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={!state || state.ids.length === 0 || writing}>
          Save
        </button>
      </div>
    </FormDialog>
  );
}

function Compilation({ mixed, value, onChange }: { mixed: boolean; value: boolean; onChange(on: boolean): void }) {
  const box = useRef<HTMLInputElement>(null);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (box.current) box.current.indeterminate = mixed && !touched;
  }, [mixed, touched]);
  return (
    <label className="tag-check">
      <input
        ref={box}
        type="checkbox"
        checked={value}
        onChange={(e) => {
          setTouched(true);
          onChange(e.currentTarget.checked);
        }}
      />
      Part of a compilation
    </label>
  );
}

function Outcome(props: {
  title: string;
  result: TagBatchResult;
  close(): void;
  undo(): void;
  writing: boolean;
  error: string | null;
}) {
  const { result } = props;
  return (
    <FormDialog title={props.title} onClose={props.close} onSubmit={props.close} className="tag-editor">
      <p className="tag-outcome" role="status">
        {result.written} {result.written === 1 ? 'file' : 'files'} written
        {result.failed.length > 0 ? `, ${result.failed.length} could not be` : ''}
        {result.cancelled ? ' (stopped)' : ''}.
      </p>
      {result.failed.length > 0 && (
        <ul className="tag-failures">
          {result.failed.map((failure) => (
            <li key={failure.id}>{failure.message}</li>
          ))}
        </ul>
      )}
      {props.error && <p className="dialog-error">{props.error}</p>}
      <div className="dialog-buttons">
        {result.undoable && (
          <button type="button" onClick={props.undo} disabled={props.writing}>
            Undo
          </button>
        )}
        <button type="submit" className="primary">
          Close
        </button>
      </div>
    </FormDialog>
  );
}
