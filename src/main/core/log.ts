// The one door to the log for the engine, the host, the CLI and the shell. Core imports no logger:
// the process that owns the log file plugs a sink in (log-file.ts); without one (tests, threads)
// warnings and errors still reach stderr, as they did before there was a file.
export type LogLevel = 'info' | 'warn' | 'error';
export type LogSink = (level: LogLevel, parts: unknown[]) => void;

let sink: LogSink | null = null;

/** Replaces the sink; null goes back to stderr only. */
export function setLogSink(next: LogSink | null): void {
  sink = next;
}

function toSink(level: LogLevel, parts: unknown[]): void {
  try {
    sink?.(level, parts);
  } catch {
    // A full disk or a vanished folder must not turn a log line into a crash.
  }
}

function emit(level: LogLevel, parts: unknown[]): void {
  // Info never goes to the console: a CLI's stdout carries its JSON.
  if (level === 'error') console.error(...parts);
  else if (level === 'warn') console.warn(...parts);
  toSink(level, parts);
}

export const log = {
  info: (...parts: unknown[]): void => emit('info', parts),
  warn: (...parts: unknown[]): void => emit('warn', parts),
  error: (...parts: unknown[]): void => emit('error', parts),
};

/**
 * What a thread or the parser process prints on its stderr (its own console.warn/error, a
 * library's warning): shown on this process's stderr as before, and kept in the log file,
 * which only this process writes.
 */
export function forwardStderr(source: string, stream: NodeJS.ReadableStream): void {
  stream.on('data', (chunk: Buffer | string) => {
    process.stderr.write(chunk);
    const text = chunk.toString().trimEnd();
    if (text) toSink('warn', [`[${source}] ${text}`]);
  });
}
