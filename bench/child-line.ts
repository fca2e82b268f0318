import type { ChildProcess } from 'node:child_process';
import { writeSync } from 'node:fs';

/**
 * Reads a child's stdout until a whole line starting with `prefix` and returns the rest of it.
 * Only complete lines count: a result line (a JSON of every latency) can run past one pipe chunk
 * (64 KiB), and taking its first chunk as the line made JSON.parse fail exactly when a run was
 * fast enough to push a lot.
 */
export function lineFrom(proc: ChildProcess, prefix: string, timeoutMs: number): Promise<string> {
  return new Promise((ok, fail) => {
    let partial = '';
    const timer = setTimeout(() => fail(new Error(`no "${prefix}" line within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      const found = lines.find((line) => line.startsWith(prefix));
      if (found === undefined) return;
      clearTimeout(timer);
      proc.stdout?.off('data', onData);
      ok(found.slice(prefix.length).trim());
    };
    proc.stdout?.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`child exited (${String(code)}) before a "${prefix}" line`));
    });
  });
}

/**
 * The child's side: runs its work, writes the one `result <json>` line the parent's lineFrom waits
 * for (synchronously, so the whole line is out before exit), and exits 0; a failure exits 1.
 */
export function answerParent(work: Promise<unknown>): void {
  work.then(
    (r) => {
      writeSync(1, `result ${JSON.stringify(r)}\n`);
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
