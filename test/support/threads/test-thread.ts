// A thread for the channel's tests: answers, fails, hangs, crashes or exits on request.
import { serveThread, Transfer } from '../../../src/main/core/threads/channel.ts';

const api = {
  add(a: number, b: number) {
    return a + b;
  },
  async later(ms: number) {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return ms;
  },
  bytes(count: number) {
    const buffer = new ArrayBuffer(count);
    return new Transfer(new Uint8Array(buffer), [buffer]);
  },
  warn(text: string) {
    console.warn(text);
    return true;
  },
  fail(message: string): never {
    throw new Error(message);
  },
  hang(): Promise<never> {
    return new Promise(() => {});
  },
  crashSoon(ms: number): Promise<never> {
    setTimeout(() => {
      throw new Error('boom in the thread');
    }, ms);
    return new Promise(() => {});
  },
  exitSoon(ms: number): Promise<never> {
    setTimeout(() => process.exit(3), ms);
    return new Promise(() => {});
  },
};
export type TestThreadApi = typeof api;

serveThread(api);
