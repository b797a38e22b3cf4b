import { describe, expect, it } from 'vitest';
import {
  fieldsBefore,
  fixCase,
  mergeCovers,
  mergeFields,
  planChanges,
} from '../../../src/main/core/tags/write-plan.ts';
import type { TagFields } from '../../../src/shared/tags.ts';

const track = (over: Partial<TagFields>): TagFields => ({
  title: 'Song',
  artist: 'Band',
  album: 'Album',
  albumArtist: '',
  trackNo: 1,
  trackTotal: 0,
  discNo: 0,
  discTotal: 0,
  year: 2004,
  genres: ['Rock'],
  composer: '',
  comment: '',
  compilation: false,
  ...over,
});

describe('the editor over many tracks', () => {
  it('shows a field the tracks share as its value and one that differs as mixed', () => {
    const fields = mergeFields([track({ title: 'A' }), track({ title: 'B' }), track({ title: 'C', genres: ['Rock'] })]);
    expect(fields.album).toEqual({ mixed: false, value: 'Album' });
    expect(fields.title).toEqual({ mixed: true });
    expect(fields.genres).toEqual({ mixed: false, value: ['Rock'] });
    expect(mergeFields([track({ genres: ['Rock'] }), track({ genres: ['Rock', 'Pop'] })]).genres).toEqual({
      mixed: true,
    });
  });

  it('merges covers: none, one image, or mixed', () => {
    expect(mergeCovers([null, null])).toEqual({ state: 'none' });
    expect(mergeCovers(['h1', 'h1'])).toEqual({ state: 'same', hash: 'h1' });
    expect(mergeCovers(['h1', null])).toEqual({ state: 'mixed' });
  });
});

describe('the plan of an edit', () => {
  const current = new Map([
    [1, track({ title: 'one', album: 'Old' })],
    [2, track({ title: 'two', album: 'New' })],
    [3, track({ title: 'three', album: 'Old', trackNo: 9 })],
  ]);

  it('sets only the fields typed into, and leaves out files that already hold them', () => {
    const plan = planChanges([1, 2, 3], current, { album: 'New' });
    expect([...plan]).toEqual([
      [1, { album: 'New' }],
      [3, { album: 'New' }],
    ]);
  });

  it('numbers the selection in its order, with the total when asked', () => {
    const plan = planChanges([3, 1, 2], current, {}, { number: { total: true } });
    expect(plan.get(3)).toEqual({ trackNo: 1, trackTotal: 3 });
    expect(plan.get(1)).toEqual({ trackNo: 2, trackTotal: 3 });
    expect(plan.get(2)).toEqual({ trackNo: 3, trackTotal: 3 });
  });

  it('fixes the case of each file’s own value, or of the value typed', () => {
    const plan = planChanges(
      [1, 2],
      current,
      { album: 'the best OF times' },
      {
        fixCase: { style: 'title', fields: ['title', 'album'] },
      },
    );
    expect(plan.get(1)).toEqual({ title: 'One', album: 'The Best of Times' });
    expect(plan.get(2)).toEqual({ title: 'Two', album: 'The Best of Times' });
  });

  it('keeps what a file held of the fields a change sets, for undo', () => {
    expect(fieldsBefore(current.get(3)!, { album: 'X', trackNo: 1 })).toEqual({ album: 'Old', trackNo: 9 });
  });
});

describe('case fixes', () => {
  it.each([
    ['title', 'the sound OF silence', 'The Sound of Silence'],
    ['title', 'rock-and-roll / part two', 'Rock-And-Roll / Part Two'],
    ['sentence', 'THE SOUND of Silence', 'The sound of silence'],
    ['upper', 'abba', 'ABBA'],
    ['lower', 'ABBA', 'abba'],
  ] as const)('%s: %s → %s', (style, from, to) => {
    expect(fixCase(from, style)).toBe(to);
  });
});
