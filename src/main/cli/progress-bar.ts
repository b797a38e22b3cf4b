import type { ScanProgress } from '../../shared/domain.ts';

const WIDTH = 30;

/** One line, redrawn in place: phase, bar, done/total, rate and ETA. */
export function renderProgress(progress: ScanProgress): string {
  const { phase, done, total, filesPerSecond, etaSeconds } = progress;
  if (total <= 0) return `${phase.padEnd(9)} ${done.toLocaleString('en')} files`;
  const fraction = Math.min(1, done / total);
  const filled = Math.round(fraction * WIDTH);
  const eta =
    etaSeconds === null ? '' : ` ETA ${Math.floor(etaSeconds / 60)}:${String(etaSeconds % 60).padStart(2, '0')}`;
  return `${phase.padEnd(9)} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} ${filesPerSecond} files/s${eta}`;
}

export function terminalProgress(stream: NodeJS.WriteStream): { update(progress: ScanProgress): void; end(): void } {
  let last = '';
  return {
    update(progress) {
      const line = renderProgress(progress).slice(0, (stream.columns || 80) - 1);
      if (line === last) return;
      last = line;
      stream.write(`\r\x1b[2K${line}`);
    },
    end() {
      if (last) stream.write('\r\x1b[2K');
    },
  };
}
