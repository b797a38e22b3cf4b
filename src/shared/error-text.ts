// Error codes as sentences a user can act on. "ENOSPC: no space left on device, write" tells
// nobody which disk, nor what to do; these name the file and say what to do next. Pure, so the
// CLI, the host and the renderer word things the same way.

export interface ErrorText {
  /** What went wrong, as a clause that names the file: "the disk holding /x is full". */
  reason: string;
  /** What to do about it, as a sentence (empty when there is nothing to suggest). */
  advice: string;
}

/** `retry` ends the advice: "try again", or what to do again ("scan again"). */
type Describe = (path: string, retry: string) => ErrorText;

/** SQLite's errors never name their file: the caller may know it is the catalog's. */
const catalog = (path: string) => (path ? `the catalog ${path}` : 'the catalog');

const full: Describe = (path, retry) => ({
  reason: path ? `the disk holding ${path} is full` : 'the disk is full',
  advice: `Free some space and ${retry}.`,
});
const denied: Describe = (path, retry) => ({
  reason: `Tonearm is not allowed to use ${path}`,
  advice: `Check its permissions and ${retry}.`,
});
const readOnlyCatalog: Describe = (path) => ({
  reason: `${catalog(path)} is read-only`,
  advice: 'Make it (and its folder) writable, or choose another place for it.',
});
const stopped =
  (what: string): Describe =>
  (_path, retry) => ({ reason: `a part of Tonearm doing this work ${what}`, advice: `${capital(retry)}.` });

const TEXTS: Record<string, Describe> = {
  ENOSPC: full,
  SQLITE_FULL: full,
  EACCES: denied,
  EPERM: denied,
  EROFS: (path) => ({
    reason: `${path} is on a read-only disk`,
    advice: 'Mount it writable, or choose another place.',
  }),
  SQLITE_READONLY: readOnlyCatalog,
  ENOENT: (path) => ({ reason: `${path} does not exist`, advice: 'Check the path, or that its disk is connected.' }),
  ENOTDIR: (path) => ({ reason: `part of ${path} is not a folder`, advice: 'Check the path.' }),
  EIO: (path, retry) => ({
    reason: `the disk or share holding ${path} failed to read or write`,
    advice: `Check the disk or the network connection, then ${retry}.`,
  }),
  ETIMEDOUT: (path, retry) => ({
    reason: `the share holding ${path} did not answer in time`,
    advice: `Check the network connection, then ${retry}.`,
  }),
  EHOSTDOWN: (path, retry) => ({
    reason: `the server holding ${path} is down or unreachable`,
    advice: `Check that it is on and connected, then ${retry}.`,
  }),
  ENOTCONN: (path, retry) => ({
    reason: `the share holding ${path} is no longer connected`,
    advice: `Reconnect it, then ${retry}.`,
  }),
  SQLITE_CORRUPT: (path) => ({
    reason: `${catalog(path)} is damaged`,
    advice: 'Restore it from a backup, or move it away to start a new one.',
  }),
  SQLITE_NOTADB: (path) => ({
    reason: `${path || 'the file'} is not a Tonearm catalog`,
    advice: 'Choose another file, or move this one away.',
  }),
  SQLITE_BUSY: (path, retry) => ({
    reason: `${catalog(path)} is in use by another program`,
    advice: `Close the other program (another Tonearm?) and ${retry}.`,
  }),
  SQLITE_IOERR: (path, retry) => ({
    reason: `the disk holding ${catalog(path)} failed to read or write`,
    advice: `Check the disk, then ${retry}.`,
  }),
  SQLITE_CANTOPEN: (path) => ({
    reason: `${catalog(path)} cannot be opened`,
    advice: 'Check that its folder exists and is writable.',
  }),
  THREAD_CRASHED: stopped('crashed'),
  THREAD_EXITED: stopped('stopped unexpectedly'),
};

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** SQLite's extended codes (SQLITE_IOERR_WRITE, SQLITE_FULL…) fall back to their primary code. */
function textFor(code: string): Describe | undefined {
  if (Object.hasOwn(TEXTS, code)) return TEXTS[code];
  const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0];
  return primary && Object.hasOwn(TEXTS, primary) ? TEXTS[primary] : undefined;
}

/** What an error says, whatever was thrown. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The code an error carries: its own, or (across a thread) the one it was thrown with. */
export function errorCode(err: unknown): string | undefined {
  const carried = err as { code?: unknown; thrownCode?: unknown } | null;
  const code = carried?.thrownCode ?? carried?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The path an error names: its own `path`, or the one Node puts in its message
 * ("ENOENT: no such file or directory, open '/x/y'"), which survives crossing a thread.
 */
export function errorPath(err: unknown): string | undefined {
  const own = (err as { path?: unknown } | null)?.path;
  if (typeof own === 'string') return own;
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  return /^E[A-Z]+: [^,]+, \w+ '([^']+)'/.exec(message)?.[1];
}

export interface DescribeOptions {
  /** The file to name when the error does not name one (SQLite's never do: the catalog). */
  path?: string;
  /** How the advice ends; "try again" unless said. */
  retry?: string;
}

/** The error as words, or null when its code is not one we know how to explain. */
export function describeError(err: unknown, options: DescribeOptions = {}): ErrorText | null {
  const code = errorCode(err);
  const describe = code ? textFor(code) : undefined;
  const sqlite = code?.startsWith('SQLITE_') ?? false;
  const path = (sqlite ? options.path : errorPath(err)) ?? options.path ?? (sqlite ? '' : 'a file');
  return describe ? describe(path, options.retry ?? 'try again') : null;
}

/** One sentence for a user: the explanation when there is one, else the error's own message. */
export function errorSentence(err: unknown, options?: DescribeOptions): string {
  const text = describeError(err, options);
  if (!text) return errorMessage(err).split('\n')[0]!;
  return `${capital(text.reason)}. ${text.advice}`;
}
