/**
 * Politeness per host: one request at a time, and a pause between the end of one and the start of the next.
 * Callers queue in the order they arrive; hosts are independent of each other.
 */
export class HostGate {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly lastEnd = new Map<string, number>();

  constructor(private readonly sleep: (ms: number) => Promise<void>) {}

  async run<T>(host: string, delayMs: number, fn: () => Promise<T>): Promise<T> {
    const before = this.tails.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    this.tails.set(host, before.then(() => mine));
    await before;
    try {
      const wait = (this.lastEnd.get(host) ?? -Infinity) + delayMs - Date.now();
      if (wait > 0) await this.sleep(wait);
      return await fn();
    } finally {
      this.lastEnd.set(host, Date.now());
      release();
    }
  }
}
