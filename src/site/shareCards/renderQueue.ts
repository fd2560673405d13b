/**
 * Bounds the cards drawn at once. Drawing runs on libuv's threads (sharp), but each card also takes a few
 * milliseconds of JavaScript (outlines) and tens of milliseconds of a core: a burst of shares for new stories
 * must wait its turn, not take every core from the pages. Requests for a card already being drawn share that
 * drawing, and past `maxWaiting` callers are told to come back (RenderQueueFull), not queued without end.
 */
export class RenderQueueFull extends Error {
  constructor() {
    super('too many share cards are being drawn; try again shortly');
  }
}

export class RenderQueue<T> {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(
    private readonly maxRunning: number,
    private readonly maxWaiting: number,
  ) {}

  /** `draw()`'s result for `key`, drawn once however many callers ask while it is being drawn. */
  run(key: string, draw: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    if (this.running >= this.maxRunning && this.waiting.length >= this.maxWaiting) return Promise.reject(new RenderQueueFull());
    const result = this.whenFree().then(draw).finally(() => {
      this.inFlight.delete(key);
      this.release();
    });
    this.inFlight.set(key, result);
    return result;
  }

  private whenFree(): Promise<void> {
    if (this.running < this.maxRunning) {
      this.running++;
      return Promise.resolve();
    }
    // The slot is handed over by release(), so `running` stays counted.
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
