import { EventEmitter } from 'node:events';

/**
 * Wakes long-polling desks of a comune when its change log grows, so a change made at one
 * counter reaches the others within a second. In-process: one hub process owns the log.
 */
export class ChangeNotifier {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  notify(comune: string): void {
    this.emitter.emit(comune);
  }

  /** Resolves on the next change of the comune, or after `ms`, whichever first. */
  wait(comune: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.emitter.off(comune, done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.emitter.once(comune, done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
