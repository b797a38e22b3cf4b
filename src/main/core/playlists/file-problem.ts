// Why a playlist file could not be read or written, as words: "ENOENT: no such file or
// directory, open '…'" means nothing to someone who typed a path into a dialog.
import { describeError, errorCode, errorMessage } from '../../../shared/error-text.ts';

/** A clause and its advice about the file the caller already named: "it does not exist. Check the path…". */
export function fileProblem(err: unknown, writing: boolean): string {
  const code = errorCode(err);
  // Writing, a missing path is the folder: the file is about to be made.
  if (writing && code === 'ENOENT') return 'its folder does not exist. Check the path.';
  const text = code ? describeError({ code }, { path: 'it' }) : null;
  return text ? `${text.reason}. ${text.advice}` : errorMessage(err);
}
