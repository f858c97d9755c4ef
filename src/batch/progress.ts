import type { Writable } from 'node:stream';

/**
 * Progress on stderr: a bar redrawn in place when stderr is a terminal, plain lines every few seconds when it is
 * not (a log file, CI). Rate and ETA come from the last RATE_WINDOW_MS, so a resumed run's fast skips at the
 * start do not make the ETA lie for long.
 */

export interface ProgressState {
  done: number;
  total: number;
  failed: number;
}

const BAR = 24;
export const REDRAW_MS = 100;
const RATE_WINDOW_MS = 20_000;

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The text of one progress report; `bar` draws the bar a terminal shows. */
export function progressText(p: ProgressState, rate: number, bar: boolean): string {
  const share = p.total ? p.done / p.total : 1;
  const eta = rate > 0 ? duration((p.total - p.done) / rate) : '?';
  const filled = Math.round(share * BAR);
  const head = bar ? `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ` : 'nianbao batch: ';
  return `${head}${p.done}/${p.total} files ${Math.floor(share * 100)}% · ${rate.toFixed(1)}/s · ETA ${eta} · ${p.failed} failed`;
}

export class Progress {
  private readonly tty: boolean;
  private readonly samples: Array<[number, number]> = [];
  private last = 0;
  private drawn = false;

  constructor(private readonly stream: Writable, private readonly logEveryMs: number, now = Date.now()) {
    this.tty = (stream as { isTTY?: boolean }).isTTY === true;
    this.samples.push([now, 0]);
    this.last = now;
  }

  /** How often it draws: every REDRAW_MS on a terminal, every logEveryMs otherwise. */
  get periodMs(): number {
    return this.tty ? REDRAW_MS : this.logEveryMs;
  }

  /** Called on every file done; draws at most every periodMs. */
  update(p: ProgressState, now = Date.now()): void {
    if (now - this.last < this.periodMs) return;
    this.show(p, now);
  }

  /** Draws now: for a caller that already keeps to periodMs (batch's coordinator sends progress that often). */
  show(p: ProgressState, now = Date.now()): void {
    this.last = now;
    this.samples.push([now, p.done]);
    while (this.samples.length > 2 && now - this.samples[1]![0] > RATE_WINDOW_MS) this.samples.shift();
    const [t0, d0] = this.samples[0]!;
    const rate = now > t0 ? ((p.done - d0) * 1000) / (now - t0) : 0;
    if (this.tty) {
      this.stream.write(`\r\x1b[2K${progressText(p, rate, true)}`);
      this.drawn = true;
    } else this.stream.write(`${progressText(p, rate, false)}\n`);
  }

  /** Clears the bar so the summary starts on a clean line. */
  end(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
  }
}
