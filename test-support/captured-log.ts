import type { LogSink } from '../hub/ops/logging';

/** Every JSON line a hub logged, kept in memory (pass it as the hub's `logger`). */
export class CapturedLog implements LogSink {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
  get records(): Record<string, unknown>[] {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}
