// Rules on one side, the query text on the other, both editable: the rows are written as text
// with rulesToQuery, the text read back to rows with queryToRules. The text is what is saved,
// so whatever the rows cannot show (a rule typed by hand) is never lost.
import { useEffect, useMemo, useState } from 'react';
import { errorMessage } from '../../../shared/error-text.ts';
import { queryToRules, rulesToQuery, type SmartRule } from '../../../shared/smart-rules.ts';
import { TRACK_SORT_FIELDS, type TrackSort, type TrackSortField } from '../../../shared/views.ts';
import { call } from '../bridge/api.ts';
import { useNavigation } from '../stores/navigation.ts';
import { count, ViewHeader } from '../views/common/ViewHeader.tsx';
import { COLUMNS } from '../views/tracks/columns.ts';
import { blankRow, ruleToRow, rowToRule, type RuleRow } from './rule-rows.ts';
import { RuleRowEditor } from './RuleRowEditor.tsx';
import { usePlaylistSummary } from './use-smart-playlists.ts';
import '../styles/smart.css';

const PREVIEW_DELAY_MS = 250;
const SORT_LABELS = new Map<TrackSortField, string>(COLUMNS.map((column) => [column.sort, column.label]));

interface Draft {
  rows: RuleRow[];
  sort: TrackSort | null;
  limit: string;
  text: string;
}

function draftOf(text: string): Draft {
  const read = queryToRules(text);
  const rows = read.rules.map(ruleToRow);
  return { rows: rows.length ? rows : [blankRow()], sort: read.sort, limit: read.limit?.toString() ?? '', text };
}

/** The text of the rows, sort and limit; rows that cannot be read are left out (and marked). */
function textOf(draft: Omit<Draft, 'text'>): string {
  const rules: SmartRule[] = draft.rows.flatMap((row) => {
    const read = rowToRule(row);
    return read && 'rule' in read ? [read.rule] : [];
  });
  const limit = /^\d+$/.test(draft.limit) && Number(draft.limit) > 0 ? Number(draft.limit) : null;
  return rulesToQuery({ rules, sort: draft.sort, limit });
}

function usePreviewCount(text: string): number | null {
  // Kept with the text it counts: a count for older text is never shown as this text's.
  const [counted, setCounted] = useState<{ text: string; total: number } | null>(null);
  useEffect(() => {
    if (!text.trim()) return;
    let live = true;
    const timer = setTimeout(() => {
      void call('views.open', {
        spec: { kind: 'tracks', filter: { type: 'search', text }, sort: { field: 'albumArtist', desc: false } },
        limit: 1,
      })
        .then((opened) => live && setCounted({ text, total: opened.total }))
        .catch(() => live && setCounted(null));
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);
  return counted?.text === text ? counted.total : null;
}

export function SmartPlaylistEditor({ playlistId }: { playlistId: number | null }) {
  const summary = usePlaylistSummary(playlistId);
  if (playlistId !== null && !summary) return <div className="view" aria-busy="true" />;
  return <EditorForm playlistId={playlistId} name={summary?.name ?? ''} query={summary?.smartQuery ?? ''} />;
}

function EditorForm({
  playlistId,
  name: savedName,
  query,
}: {
  playlistId: number | null;
  name: string;
  query: string;
}) {
  const open = useNavigation((state) => state.open);
  const [name, setName] = useState(savedName || 'New smart playlist');
  const [draft, setDraft] = useState(() => draftOf(query));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const total = usePreviewCount(draft.text);
  const textProblems = useMemo(() => queryToRules(draft.text).problems, [draft.text]);

  const editRules = (next: Omit<Draft, 'text'>) => setDraft({ ...next, text: textOf(next) });
  const setRow = (index: number, row: RuleRow) =>
    editRules({ ...draft, rows: draft.rows.map((old, i) => (i === index ? row : old)) });

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const smartQuery = draft.text.trim();
      const trimmed = name.trim() || 'Smart playlist';
      let id = playlistId;
      if (id === null) id = (await call('playlists.create', { name: trimmed, smartQuery })).id;
      else {
        if (smartQuery !== query) await call('playlists.setSmartQuery', { playlistId: id, smartQuery });
        if (trimmed !== savedName) await call('playlists.rename', { playlistId: id, name: trimmed });
      }
      open({ kind: 'smart', playlistId: id });
    } catch (err) {
      setError(errorMessage(err));
      setSaving(false);
    }
  };

  return (
    <div className="view smart-editor">
      <ViewHeader title={playlistId === null ? 'New smart playlist' : `Edit “${savedName}”`} />
      <form
        className="smart-form"
        aria-label="Smart playlist rules"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="smart-name">
          Name <input value={name} onChange={(event) => setName(event.target.value)} maxLength={200} />
        </label>
        <p className="smart-hint">Tracks that match every rule:</p>
        <ul className="rule-rows" aria-label="Rules">
          {draft.rows.map((row, index) => {
            const read = rowToRule(row);
            return (
              <RuleRowEditor
                key={index}
                row={row}
                index={index}
                problem={read && 'problem' in read ? read.problem : null}
                onChange={(next) => setRow(index, next)}
                onRemove={() => editRules({ ...draft, rows: draft.rows.filter((_, i) => i !== index) })}
              />
            );
          })}
        </ul>
        <button type="button" onClick={() => editRules({ ...draft, rows: [...draft.rows, blankRow()] })}>
          Add rule
        </button>
        <div className="smart-order">
          <label>
            Sort by{' '}
            <select
              aria-label="Sort by"
              value={draft.sort?.field ?? ''}
              onChange={(event) => {
                const field = event.target.value as TrackSortField | '';
                editRules({ ...draft, sort: field ? { field, desc: draft.sort?.desc ?? false } : null });
              }}
            >
              <option value="">Album artist (default)</option>
              {TRACK_SORT_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {SORT_LABELS.get(field) ?? field}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input
              type="checkbox"
              disabled={!draft.sort}
              checked={draft.sort?.desc ?? false}
              onChange={(event) =>
                draft.sort && editRules({ ...draft, sort: { ...draft.sort, desc: event.target.checked } })
              }
            />{' '}
            Descending
          </label>
          <label>
            Limit to{' '}
            <input
              aria-label="Limit"
              inputMode="numeric"
              size={7}
              placeholder="no limit"
              value={draft.limit}
              onChange={(event) => editRules({ ...draft, limit: event.target.value.trim() })}
            />{' '}
            tracks
          </label>
        </div>
        <label className="smart-text">
          Query
          <textarea
            aria-label="Query text"
            rows={2}
            spellCheck={false}
            value={draft.text}
            onChange={(event) => {
              const text = event.target.value;
              // The rows follow the text; the text stays as typed until a row is edited.
              setDraft({ ...draftOf(text), text });
            }}
          />
        </label>
        {textProblems.length > 0 && (
          <ul className="smart-problems" role="alert">
            {textProblems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )}
        <p className="smart-preview" aria-live="polite" data-testid="smart-preview">
          {total === null ? '' : `${count(total, 'track')} match`}
        </p>
        {error && (
          <p className="np-error" role="alert">
            {error}
          </p>
        )}
        <div className="smart-actions">
          <button type="submit" className="primary" disabled={saving || !draft.text.trim()}>
            Save
          </button>
        </div>
      </form>
    </div>
  );
}
