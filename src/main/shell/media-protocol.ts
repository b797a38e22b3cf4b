import { protocol } from 'electron';
import { MEDIA_SCHEME } from '../../shared/contract.ts';
import type { Core } from '../core/core.ts';
import { parseMediaTarget } from '../core/media/router.ts';

/**
 * Must run before the app is ready. `stream` lets <audio> receive partial content, and
 * with `standard` + `secure` + `supportFetchAPI` the scheme behaves like https for the page.
 */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** Serves tonearm-media://track/<id> and tonearm-media://cover/<hash> with the core's handler. */
export function handleMediaScheme(core: Core): void {
  protocol.handle(MEDIA_SCHEME, (request) => {
    const url = new URL(request.url);
    return core.media.handle(request, parseMediaTarget(`${url.host}${url.pathname}`, url.searchParams));
  });
}
