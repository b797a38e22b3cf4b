import { describe, expect, it } from 'vitest';
import type { TrackFacts } from '../../../src/main/core/catalog/reads/vectors.ts';
import { pickRadio, songKey, type RadioRules } from '../../../src/main/core/similarity/radio.ts';

const NOW = 1_800_000_000_000;
const rules: RadioRules = { artistSpacing: 2, excludeGenres: [], playedSince: NOW - 3_600_000 };

let nextId = 100;
const track = (fields: Partial<TrackFacts>): TrackFacts => ({
  id: nextId++,
  title: `Song ${nextId}`,
  artist: `Artist ${nextId}`,
  albumId: null,
  durationS: 200,
  genre: 'Rock',
  lastPlayedAt: null,
  ...fields,
});

const pick = (
  candidates: TrackFacts[],
  options: { recent?: TrackFacts[]; seedIds?: number[]; count?: number } = {},
  r = rules,
) =>
  pickRadio(
    {
      candidates,
      seedIds: options.seedIds ?? [],
      recentIds: (options.recent ?? []).map((t) => t.id),
      recent: options.recent ?? [],
      count: options.count ?? 10,
    },
    r,
  );

describe('the radio rules', () => {
  it('keeps the candidates in order, up to the count', () => {
    const all = [track({}), track({}), track({})];
    expect(pick(all, { count: 2 })).toEqual([all[0]!.id, all[1]!.id]);
  });

  it('never plays a seed or a track of the queue again', () => {
    const [seed, queued, fresh] = [track({}), track({}), track({})];
    expect(pick([seed!, queued!, fresh!], { seedIds: [seed!.id], recent: [queued!] })).toEqual([fresh!.id]);
  });

  it('keeps an artist out for the spacing, counting the queue and the batch', () => {
    const queued = track({ artist: 'Björk' });
    const same = track({ artist: 'bjork' });
    const other1 = track({ artist: 'Other 1' });
    const sameLater = track({ artist: 'Björk' });
    const other2 = track({ artist: 'Other 2' });
    const sameAfterSpacing = track({ artist: 'Björk' });
    const chosen = pick([same, other1, sameLater, other2, sameAfterSpacing], { recent: [queued] });
    // spacing 2: after Björk, two other artists must come before her again
    expect(chosen).toEqual([other1.id, other2.id, sameAfterSpacing.id]);
  });

  it('plays an artist again once the spacing has passed in the queue', () => {
    const old = track({ artist: 'Sigur Rós' });
    const between = [track({}), track({})];
    const again = track({ artist: 'Sigur Rós' });
    expect(pick([again], { recent: [old, ...between] })).toEqual([again.id]);
  });

  it('plays no second copy of a song: same title and artist within 3 s, another album or a remaster', () => {
    const playing = track({ title: 'Hyperballad', artist: 'Björk', durationS: 321, albumId: 1 });
    const copy = track({ title: 'Hyperballad (Remastered 2011)', artist: 'Bjork', durationS: 323, albumId: 2 });
    const longMix = track({ title: 'Hyperballad', artist: 'Björk', durationS: 400, albumId: 3 });
    const r = { ...rules, artistSpacing: 1 };
    expect(pick([copy, longMix], { recent: [playing, track({})] }, r)).toEqual([longMix.id]);
  });

  it('plays no two copies of one song within a batch', () => {
    const a = track({ title: 'Song', artist: 'X', durationS: 200 });
    const b = track({ title: 'song', artist: 'x', durationS: 201.5 });
    expect(pick([a, b], {}, { ...rules, artistSpacing: 1 })).toEqual([a.id]);
  });

  it('leaves out the excluded genres, whole words of any of a track’s genres, in any case', () => {
    const jazz = track({ genre: 'Rock; Jazz' });
    const jazzFusion = track({ genre: 'Jazz Fusion' });
    const rock = track({ genre: 'Rock' });
    expect(pick([jazz, jazzFusion, rock], {}, { ...rules, excludeGenres: ['JAZZ'] })).toEqual([jazzFusion.id, rock.id]);
  });

  it('leaves out what was played in the last hour', () => {
    const recentPlay = track({ lastPlayedAt: NOW - 10 * 60_000 });
    const oldPlay = track({ lastPlayedAt: NOW - 2 * 3_600_000 });
    expect(pick([recentPlay, oldPlay])).toEqual([oldPlay.id]);
  });

  it('folds release words out of a song key, but not the rest of the title', () => {
    expect(songKey({ title: 'Karma Police - 2017 Remaster', artist: 'Radiohead' })).toBe(
      songKey({ title: 'Karma police', artist: 'RADIOHEAD' }),
    );
    expect(songKey({ title: 'Karma Police (Live)', artist: 'Radiohead' })).not.toBe(
      songKey({ title: 'Karma Police', artist: 'Radiohead' }),
    );
  });
});
