// The audio key: the last audio bytes, whatever tags were appended after them.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audioKeyOf } from '../../../src/main/core/similarity/audio-key.ts';
import { tempDir } from '../../support/temp.ts';

const id3v1 = (title: string) => {
  const tag = Buffer.alloc(128);
  tag.write('TAG', 0, 'latin1');
  tag.write(title, 3, 'latin1');
  return tag;
};

/** An APEv2 tag with a header and one item, as MP3 and Musepack files carry them at the end. */
const apeV2 = (value: string) => {
  const item = Buffer.concat([Buffer.alloc(8), Buffer.from('Title\0'), Buffer.from(value)]);
  item.writeUInt32LE(value.length, 0);
  const block = (isHeader: boolean) => {
    const b = Buffer.alloc(32);
    b.write('APETAGEX', 0, 'latin1');
    b.writeUInt32LE(2000, 8);
    b.writeUInt32LE(item.length + 32, 12);
    b.writeUInt32LE(1, 16);
    b.writeUInt32LE((0x80000000 | (isHeader ? 0x20000000 : 0)) >>> 0, 20);
    return b;
  };
  return Buffer.concat([block(true), item, block(false)]);
};

describe('the audio key', () => {
  const dir = tempDir();
  afterAll(() => dir.cleanup());
  const audio = randomBytes(40_000);
  const file = (name: string, ...parts: Buffer[]) => {
    const path = join(dir.path, name);
    writeFileSync(path, Buffer.concat(parts));
    return path;
  };

  it('leaves out ID3v1, APEv2 and both, however long their text', async () => {
    const bare = await audioKeyOf(file('bare.mp3', audio));
    expect(await audioKeyOf(file('id3v1.mp3', audio, id3v1('Title')))).toBe(bare);
    expect(await audioKeyOf(file('ape.mp3', audio, apeV2('A much longer title than before')))).toBe(bare);
    expect(await audioKeyOf(file('both.mp3', audio, apeV2('x'), id3v1('Another')))).toBe(bare);
  });

  it('changes with the audio', async () => {
    const other = Buffer.from(audio);
    other[other.length - 10] = other[other.length - 10]! ^ 0xff;
    expect(await audioKeyOf(file('other.mp3', other))).not.toBe(await audioKeyOf(file('same.mp3', audio)));
  });

  it('takes a file shorter than the key whole', async () => {
    expect(await audioKeyOf(file('tiny.mp3', Buffer.from('abc')))).toMatch(/^[0-9a-f]{40}$/);
  });
});
