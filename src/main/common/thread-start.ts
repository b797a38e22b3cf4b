// What a thread of the parser bundle is started to be. The bundle has one entry
// (src/main/parser/index.ts) for every thread, so a thread's start data names its job and
// carries what that job needs; the entry dispatches on it, and the compiler checks both ends.
export type ThreadStart =
  /** A tag-parsing thread of the parser process. progress: Int32Array[1], the file being parsed. */
  | { thread: 'parse'; coversDir: string; progress: SharedArrayBuffer }
  | { thread: 'views'; dbPath: string }
  | { thread: 'writer'; dbPath: string }
  /** Reads and rewrites tags (core/tags/). */
  | { thread: 'tags'; coversDir: string }
  | { thread: 'inventory'; entry: string }
  | { thread: 'walk' }
  | { thread: 'share' }
  /** core/similarity/: the vectors and their nearest-neighbour search. */
  | { thread: 'similarity'; dbPath: string }
  /** core/similarity/: the background analysis; analyser: a module to use instead of features/ (tests). */
  | { thread: 'analysis'; dbPath: string; analyser?: string };

export type ThreadName = ThreadStart['thread'];
export type StartOf<N extends ThreadName> = Extract<ThreadStart, { thread: N }>;
