// File I/O on a network share waits a round trip per call, and Node does it on libuv's
// thread pool (4 threads by default): four calls in flight would make a NAS crawl. The pool
// is sized when first used, so this module must be imported before anything else.
export const THREADPOOL_SIZE = '64';
process.env.UV_THREADPOOL_SIZE ??= THREADPOOL_SIZE;
