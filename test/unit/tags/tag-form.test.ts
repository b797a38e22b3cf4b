import { describe, expect, it } from 'vitest';
import { changesOf, formValues } from '../../../src/renderer/src/views/tags/tag-form.ts';
import type { TagEditorState } from '../../../src/shared/tags.ts';

const state: TagEditorState = {
  ids: [1, 2],
  fields: {
    title: { mixed: true },
    artist: { mixed: false, value: 'Band' },
    album: { mixed: false, value: 'Album' },
    albumArtist: { mixed: false, value: '' },
    trackNo: { mixed: true },
    trackTotal: { mixed: false, value: 0 },
    discNo: { mixed: false, value: 1 },
    discTotal: { mixed: false, value: 2 },
    year: { mixed: false, value: 1999 },
    genres: { mixed: false, value: ['Rock', 'Pop'] },
    composer: { mixed: true },
    comment: { mixed: false, value: '' },
    compilation: { mixed: false, value: false },
  },
  cover: { state: 'none' },
  refused: [],
};

describe('the tag editor form', () => {
  it('shows shared values as text and mixed ones empty', () => {
    const values = formValues(state);
    expect(values).toMatchObject({ title: '', artist: 'Band', trackTotal: '', discNo: '1', genres: 'Rock; Pop' });
  });

  it('turns only the touched fields into changes', () => {
    const values = { ...formValues(state), album: 'New', genres: 'Jazz ; Funk;', year: '', title: '' };
    expect(changesOf(values, new Set(['album', 'genres', 'year']))).toEqual({
      album: 'New',
      genres: ['Jazz', 'Funk'],
      year: 0,
    });
    expect(changesOf(values, new Set())).toEqual({});
  });

  it('refuses a number that is not one', () => {
    expect(() => changesOf({ ...formValues(state), trackNo: '3a' }, new Set(['trackNo']))).toThrow(
      'Track must be a whole number',
    );
  });
});
