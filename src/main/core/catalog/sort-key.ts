// Sort keys: computed once when a track is written, so that ordering 250k rows is an index
// scan with plain byte comparison instead of a collation run on every row of every sort.

// Letters that NFKD leaves whole but that readers file under a plain Latin letter.
const LETTERS: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ß: 'ss', ı: 'i' };

const stripMarks = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

/** Lower case without diacritics: "Björk" and "bjork" fold to the same text. */
export function foldText(text: string): string {
  return stripMarks(text).replace(/[æœøłđðþßı]/g, (letter) => LETTERS[letter]!);
}

/**
 * The texts that FTS5's diacritic removal leaves partly unfolded ("Søren Kjærgaard Kvartet",
 * "Łódź"), spelled as typed on a plain keyboard: the tracks_fts column that makes them
 * findable, whole, so that a phrase across such words still matches.
 */
export function searchAlternates(texts: readonly string[]): string {
  const spellings = new Set<string>();
  for (const text of texts) {
    const folded = foldText(text);
    if (folded !== stripMarks(text)) spellings.add(folded);
  }
  return [...spellings].join(' / ');
}

/** Sorts after every real key: rows without the field come last, as in foobar2000's views. */
export const EMPTY_SORT_KEY = '\uffff';

/**
 * The key a field sorts by: folded, punctuation ignored ("¡Ay! Caramba" files under A),
 * numbers compared by value ("Part 2" before "Part 10"), and for names a leading "The"
 * dropped ("The Beatles" under B).
 */
export function sortKey(text: string, kind: 'name' | 'text' = 'text'): string {
  let key = foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (kind === 'name') key = key.replace(/^the (?=.)/, '');
  key = key.replace(/\d+/g, (digits) => digits.padStart(6, '0'));
  return key === '' ? EMPTY_SORT_KEY : key;
}
