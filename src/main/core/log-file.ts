// The log file in the data folder (logs/tonearm.log): one per data folder, shared by the app, the
// headless host and the CLI; at 5 MB it becomes tonearm.old.log (replacing the previous one).
import logger from 'electron-log/node';
import { log, setLogSink } from './log.ts';
import { APP_NAME, logFilePath } from './paths.ts';

export const LOG_MAX_BYTES = 5 * 1024 * 1024;

/** Sends the log facade's lines to the file as well; returns its path. */
export function openLogFile(dataDir: string, processName: string, maxBytes = LOG_MAX_BYTES): string {
  const file = logFilePath(dataDir);
  // Else electron-log looks for a package.json from the working folder up, and throws without one.
  logger.transports.file.setAppName(APP_NAME);
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = maxBytes;
  logger.transports.file.level = 'info';
  // The facade prints to stderr itself.
  logger.transports.console.level = false;
  // Which of the processes sharing the file wrote the line.
  logger.transports.file.format = `[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] ${processName}: {text}`;
  setLogSink((level, parts) => logger[level](...parts));
  return file;
}

/** Logs the start of a process that opened the log, with what a bug report needs first. */
export function logStart(what: string, version: string): void {
  const electron = process.versions.electron ? `, electron ${process.versions.electron}` : '';
  log.info(
    `${what} ${version} started (pid ${process.pid}, node ${process.versions.node}${electron}, ${process.platform}-${process.arch})`,
  );
}
