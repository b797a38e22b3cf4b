// The error codes a file call fails with when the share under it has gone (an sshfs, NFS or
// SMB mount whose server dropped off the network), as opposed to a problem with one file.
import { errorCode } from '../../shared/error-text.ts';

export const SHARE_GONE_CODES: ReadonlySet<string> = new Set([
  'EIO',
  'ENOTCONN',
  'ETIMEDOUT',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'ESTALE',
  'ECONNRESET',
  'ECONNABORTED',
  'ENETDOWN',
  'ENETUNREACH',
]);

export const isShareGone = (err: unknown): boolean => SHARE_GONE_CODES.has(errorCode(err) ?? '');
