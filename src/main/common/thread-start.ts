// What a thread (or child process) of the parser bundle is started to be. The bundle has one
// entry (src/main/parser/index.ts) for every thread and process, so the start data names its job
// and carries what that job needs; the entry dispatches on it, and the compiler checks both ends.
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
  /** core/similarity/: the background analysis, a process; analyser: a module instead of features/ (tests). */
  | { thread: 'analysis'; dbPath: string; analyser?: string };

export type ThreadName = ThreadStart['thread'];
export type StartOf<N extends ThreadName> = Extract<ThreadStart, { thread: N }>;

/** A process's start data travels in its arguments; without them it is the parser process. */
const START_ARG = '--tonearm-start';

export function processArgs(start: ThreadStart): string[] {
  return [START_ARG, JSON.stringify(start)];
}

export function processStartOf(argv: readonly string[]): ThreadStart | null {
  const at = argv.indexOf(START_ARG);
  return at < 0 || argv[at + 1] === undefined ? null : (JSON.parse(argv[at + 1]!) as ThreadStart);
}
