// The text fields the formats share. M3U's #EXTINF and PLS's TitleN carry one display string,
// which Winamp (who defined both) and every player since writes as "Artist - Title". A title
// that itself holds " - " and has no artist is split wrongly; nothing in the string can tell
// the two apart.

const separator = ' - ';

export function splitDisplayTitle(display: string): { artist?: string; title?: string } {
  const text = display.trim();
  // The artist may be empty (" - Title", a template's empty %artist%); the first " - " splits.
  const split = /^(?:(.*?)\s+)?-\s+(.*)$/.exec(text);
  if (!split) return text ? { title: text } : {};
  const artist = split[1]?.trim();
  const title = split[2]!.trim();
  return { ...(artist && { artist }), ...(title && { title }) };
}

export function joinDisplayTitle(entry: { artist?: string; title?: string }): string | undefined {
  if (entry.artist && entry.title) return `${entry.artist}${separator}${entry.title}`;
  return entry.title || undefined;
}

/** Players write -1 (and some 0) for an unknown length; neither is a length worth keeping. */
export function positiveNumber(text: string | undefined): number | undefined {
  const value = Number(text?.trim());
  return text?.trim() && Number.isFinite(value) && value > 0 ? value : undefined;
}

export function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** A line-based format cannot hold a line break inside a field. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** Absent rather than undefined, so that entries compare equal however they were built. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
