import { describe, expect, it } from 'vitest';
import { scanErrorSentence } from '../../../src/shared/scan-error-text.ts';

describe('scan error sentences', () => {
  it('turns what the parser stores into sentences', () => {
    const cases: Record<string, string> = {
      'The file is truncated: its data ends before its headers say':
        'Could not read the tags: the file ends early (truncated).',
      'Cannot read tags: End-Of-Stream': 'Could not read the tags: the file ends early (truncated).',
      'The file vanished during the scan': 'The file was moved or deleted while the scan read it.',
      'Permission denied': 'Tonearm is not allowed to read this file: check its permissions.',
      'Read error (ETIMEDOUT): is the share still reachable?':
        'The file could not be read: the disk or network share stopped answering (ETIMEDOUT).',
      'Parsing took longer than 20 s and was stopped':
        'Reading its tags took longer than 20 s, so it was skipped (Settings → Scanning sets that limit).',
      'The parser process crashed on this file':
        'Reading this file crashed the tag reader: the file is probably damaged.',
      'Not a recognised audio format (Failed to determine audio format)':
        'Not an audio file Tonearm knows: its content matches no audio format.',
      'Cannot read tags: Invalid ID3v2.3 header': 'Could not read the tags: the ID3 tag is damaged.',
      'Cannot read tags: FourCC contains invalid characters':
        'Could not read the tags: the file is damaged, or is not the format its name says (a damaged chunk header).',
      'Cannot read tags: Invalid FLAC preamble':
        'Could not read the tags: the file is damaged, or is not the format its name says (a damaged FLAC header).',
    };
    for (const [message, sentence] of Object.entries(cases)) expect(scanErrorSentence(message), message).toBe(sentence);
  });

  it('never shows a message it does not know as it came', () => {
    const sentence = scanErrorSentence('Cannot read tags: e.readUInt32 is not a function');
    expect(sentence).toBe('Could not read the tags: the file is damaged, or is not the format its name says.');
    expect(sentence).not.toContain('readUInt32');
  });
});
