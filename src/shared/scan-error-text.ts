// The scan's error messages are written by the parser process, partly in music-metadata's
// words ("FourCC contains invalid characters", "End-Of-Stream"). Stored as they came, they are
// turned into sentences for people when read, so older rows read as well as new ones.

interface Rule {
  match: RegExp;
  sentence: (found: RegExpExecArray) => string;
}

const DAMAGED = 'the file is damaged, or is not the format its name says';

/** Most specific first: a parser message names the part it stumbled on. */
const RULES: Rule[] = [
  {
    match: /vanished during the scan|ENOENT/i,
    sentence: () => 'The file was moved or deleted while the scan read it.',
  },
  {
    match: /permission denied|EACCES|EPERM/i,
    sentence: () => 'Tonearm is not allowed to read this file: check its permissions.',
  },
  {
    match: /Read error \((\w+)\)|\b(EIO|ETIMEDOUT|EHOSTDOWN|ENOTCONN|ESTALE|ECONNRESET)\b/,
    sentence: (found) =>
      `The file could not be read: the disk or network share stopped answering (${found[1] ?? found[2]}).`,
  },
  {
    match: /Parsing took longer than (\d+) s/,
    sentence: (found) =>
      `Reading its tags took longer than ${found[1]} s, so it was skipped (Settings → Scanning sets that limit).`,
  },
  {
    match: /parser process crashed/i,
    sentence: () => 'Reading this file crashed the tag reader: the file is probably damaged.',
  },
  {
    match: /truncated|end-of-stream|EndOfStream|unexpected end/i,
    sentence: () => 'Could not read the tags: the file ends early (truncated).',
  },
  {
    match: /could not determine file type|not a recognised audio format/i,
    sentence: () => 'Not an audio file Tonearm knows: its content matches no audio format.',
  },
  { match: /unsupported/i, sentence: () => 'This kind of audio file is not supported.' },
  { match: /ID3/, sentence: () => 'Could not read the tags: the ID3 tag is damaged.' },
  {
    match: /FourCC|RIFF|WAVE|AIFF|FORM/,
    sentence: () => `Could not read the tags: ${DAMAGED} (a damaged chunk header).`,
  },
  { match: /FLAC/i, sentence: () => `Could not read the tags: ${DAMAGED} (a damaged FLAC header).` },
  {
    match: /\bOgg\b|page header|capture pattern/i,
    sentence: () => `Could not read the tags: ${DAMAGED} (a damaged Ogg page).`,
  },
  { match: /atom|MP4|M4A|box/i, sentence: () => `Could not read the tags: ${DAMAGED} (a damaged MP4 atom).` },
];

/** A sentence for the message a scan stored for a file it could not read. */
export function scanErrorSentence(message: string): string {
  for (const rule of RULES) {
    const found = rule.match.exec(message);
    if (found) return rule.sentence(found);
  }
  return `Could not read the tags: ${DAMAGED}.`;
}
