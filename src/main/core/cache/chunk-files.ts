// The cache's bytes on the local disk: one folder per entry (named by its id), one file per
// chunk. A chunk file appears under its final name only after its bytes were fsynced, so a
// crash leaves at worst a stray temporary file, never a short or torn chunk under a real name.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';

export class ChunkFiles {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  entryDir(entryId: number): string {
    return join(this.dir, `e${entryId}`);
  }

  chunkPath(entryId: number, index: number): string {
    return join(this.entryDir(entryId), `${index}.chunk`);
  }

  /** Writes the chunk durably; resolves only when it can be recorded in the catalog. */
  async write(entryId: number, index: number, parts: readonly Uint8Array[]): Promise<void> {
    const dir = this.entryDir(entryId);
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `${index}.${randomBytes(4).toString('hex')}.tmp`);
    const file = await open(temp, 'w');
    try {
      await file.writev(parts as Uint8Array[]);
      await file.sync();
    } catch (err) {
      await file.close().catch(() => {});
      await rm(temp, { force: true });
      throw err;
    }
    await file.close();
    await rename(temp, this.chunkPath(entryId, index));
  }

  /** A reader of chunk files for one stream: it keeps the chunk it reads from open. */
  reader(): ChunkReader {
    return new ChunkReader(this);
  }

  async removeEntry(entryId: number): Promise<void> {
    await rm(this.entryDir(entryId), { recursive: true, force: true }).catch(() => {});
  }

  /** Removes what the catalog does not know: folders of dropped entries, temporaries of a crash. */
  async sweep(knownIds: ReadonlySet<number>, maxKnownId: number): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      const match = /^e(\d+)$/.exec(name);
      const id = match ? Number(match[1]) : NaN;
      // Ids above maxKnownId may belong to entries created since the catalog was read.
      if (!match || (id <= maxKnownId && !knownIds.has(id))) {
        await rm(join(this.dir, name), { recursive: true, force: true }).catch(() => {});
        continue;
      }
      if (!knownIds.has(id)) continue;
      for (const file of await readdir(join(this.dir, name)).catch(() => [] as string[])) {
        if (file.endsWith('.tmp')) await rm(join(this.dir, name, file), { force: true }).catch(() => {});
      }
    }
  }
}

export class ChunkReader {
  private readonly files: ChunkFiles;
  private current: { key: string; handle: Promise<FileHandle | null> } | null = null;

  constructor(files: ChunkFiles) {
    this.files = files;
  }

  /**
   * Bytes [offset, offset + length) of a chunk whose size should be `expected`; null when the
   * file is missing or not that size (the catalog then forgets the chunk and it is fetched again).
   */
  async read(entryId: number, index: number, expected: number, offset: number, length: number) {
    const key = `${entryId}:${index}`;
    if (this.current?.key !== key) {
      this.close();
      this.current = { key, handle: open(this.files.chunkPath(entryId, index), 'r').catch(() => null) };
    }
    const file = await this.current.handle;
    if (!file) return null;
    try {
      const bytes = new Uint8Array(length);
      const [info, { bytesRead }] = await Promise.all([file.stat(), file.read(bytes, 0, length, offset)]);
      return info.size === expected && bytesRead === length ? bytes : null;
    } catch {
      return null;
    }
  }

  close(): void {
    void this.current?.handle.then((file) => file?.close()).catch(() => {});
    this.current = null;
  }
}
