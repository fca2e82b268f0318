import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

/**
 * This process's CPU profile from now on; the function returned writes it. A hub stopped while
 * long polls hang may never exit cleanly, which `--cpu-prof` needs: the profile is written first.
 */
export async function startProfile(): Promise<(file: string) => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
  };
}
