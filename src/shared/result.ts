// Errors cross process boundaries as values: Electron keeps only `message` of a thrown error,
// and a socket keeps nothing. Every reply is a Result whose error carries a code from this union.
import { describeError, errorCode, errorMessage, errorSentence } from './error-text.ts';

const ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_COMMAND',
  'NOT_FOUND',
  'SCAN_IN_PROGRESS',
  'FILE_UNREADABLE',
  'DB_ERROR',
  /** The catalog file is damaged: restore a backup (tonearm restore, Settings → Library). */
  'DB_CORRUPT',
  'DISK_FULL',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(code: unknown): code is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(code);
}

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class TonearmError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'TonearmError';
    this.code = code;
  }
}

export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof TonearmError) return { code: err.code, message: err.message };
  const message = errorMessage(err);
  // An error from a thread arrives as a ThreadCallError carrying the code of what was thrown there.
  const sysCode = errorCode(err);
  if (isErrorCode(sysCode)) return { code: sysCode, message };
  if (sysCode === 'ENOSPC' || sysCode?.startsWith('SQLITE_FULL'))
    return { code: 'DISK_FULL', message: errorSentence(err) };
  if (sysCode === 'SQLITE_CORRUPT' || sysCode === 'SQLITE_NOTADB')
    return {
      code: 'DB_CORRUPT',
      message: `The catalog is damaged (${message}). Restore a backup: tonearm restore, or Settings → Library`,
    };
  if (sysCode?.startsWith('SQLITE_')) return { code: 'DB_ERROR', message: errorSentence(err) };
  if (sysCode?.startsWith('E') && describeError(err)) return { code: 'FILE_UNREADABLE', message: errorSentence(err) };
  return { code: 'INTERNAL', message };
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new TonearmError(result.error.code, result.error.message);
}
