// The bytes of a transcoded track (see wav-layout.ts): a spawned ffmpeg per request, reading the
// file by its path (a network root's too: ffmpeg seeks in the file, in an ASF index or an APE
// seek table, which a pipe from the chunk cache would not let it do), its PCM streamed out and
// the process killed as soon as the request is over, answered or abandoned.
import { spawn, type ChildProcess } from 'node:child_process';
import type { ByteSource } from './byte-source.ts';
import { blockAlign, planRange, type WavLayout } from './wav-layout.ts';

const live = new Set<ChildProcess>();
let killOnExit = false;

/** A process that exits while streaming leaves none of its ffmpegs behind. */
function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (killOnExit) return;
  killOnExit = true;
  process.once('exit', () => {
    for (const running of live) running.kill('SIGKILL');
  });
}

/** ffmpeg processes running now: what the no-orphan test watches. */
export function liveTranscodes(): number[] {
  return [...live].flatMap((child) => (child.pid === undefined ? [] : [child.pid]));
}

const SILENCE = new Uint8Array(64 * 1024);
/** Within this much of the end, ffmpeg finding no audio is the catalog's duration being generous. */
const NEAR_END_SECONDS = 2;

export function transcodedSource(ffmpeg: string, path: string, layout: WavLayout): ByteSource {
  return {
    stream(start, end, signal) {
      const plan = planRange(layout, start, end);
      let child: ChildProcess | null = null;
      // Set once the stream is over for whatever reason: nothing is enqueued after it.
      let closed = false;
      const stop = () => {
        closed = true;
        child?.kill('SIGKILL');
      };
      return new ReadableStream<Uint8Array>(
        {
          start(controller) {
            if (!plan.pcm) {
              controller.enqueue(plan.header.slice());
              return controller.close();
            }
            // The header goes out with the first PCM: a first chunk means ffmpeg decodes the file.
            let header: Uint8Array | null = plan.header.length > 0 ? plan.header : null;
            const emit = (part: Uint8Array) => {
              if (!header) return controller.enqueue(part);
              const joined = new Uint8Array(header.length + part.length);
              joined.set(header);
              joined.set(part, header.length);
              header = null;
              controller.enqueue(joined);
            };
            let { skipBytes } = plan.pcm;
            let remaining = plan.pcm.bytes;
            let produced = 0;
            const startFrame = plan.pcm.startS * layout.rate + skipBytes / blockAlign(layout);
            const nearEnd = startFrame > layout.frames - NEAR_END_SECONDS * layout.rate;
            const close = (error?: Error) => {
              if (closed) return;
              stop();
              if (error) controller.error(error);
              else controller.close();
            };
            const format = layout.bits === 16 ? 's16le' : 's24le';
            const proc = spawn(
              ffmpeg,
              [
                ...['-hide_banner', '-loglevel', 'error', '-nostdin'],
                ...['-ss', plan.pcm.startS.toFixed(6), '-i', path],
                ...['-map', '0:a:0', '-f', format, '-c:a', `pcm_${format}`],
                ...['-ar', String(layout.rate), '-ac', String(layout.channels), 'pipe:1'],
              ],
              { stdio: ['ignore', 'pipe', 'pipe'] },
            );
            child = proc;
            track(proc);
            proc.once('error', (err) => {
              live.delete(proc);
              close(err);
            });
            let stderr = '';
            proc.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
            proc.stdout!.on('data', (chunk: Buffer) => {
              if (closed) return;
              let bytes: Uint8Array = chunk;
              if (skipBytes > 0) {
                const dropped = Math.min(skipBytes, bytes.length);
                skipBytes -= dropped;
                bytes = bytes.subarray(dropped);
              }
              if (bytes.length === 0) return;
              const part = bytes.subarray(0, remaining);
              emit(part);
              remaining -= part.length;
              produced += part.length;
              if (remaining === 0) return close();
              // Backpressure: ffmpeg decodes far faster than anyone listens.
              if ((controller.desiredSize ?? 1) <= 0) proc.stdout!.pause();
            });
            proc.once('close', () => {
              if (closed) return;
              // Nothing decoded at all is a damaged file, not a silent track (ffmpeg may even exit
              // 0 on one), unless the range starts where the catalog's duration outruns the audio.
              if (produced === 0 && !nearEnd) {
                return close(new Error(`ffmpeg could not decode ${path}: ${stderr.trim()}`));
              }
              // The catalog's duration is a little longer than what was decoded: silence fills it.
              while (remaining > 0) {
                const part = SILENCE.subarray(0, Math.min(remaining, SILENCE.length));
                emit(part.slice());
                remaining -= part.length;
              }
              close();
            });
            signal.addEventListener('abort', stop, { once: true });
          },
          pull() {
            child?.stdout?.resume();
          },
          cancel() {
            stop();
          },
        },
        { highWaterMark: 4 * 1024 * 1024, size: (chunk) => chunk.byteLength },
      );
    },
  };
}
