import { z } from 'zod';

/**
 * A desk version as electron-builder writes it (package.json `version`, semver): `1.4.0`,
 * `1.5.0-rc.1`. It also names the installer file, so it is a strict pattern, never a path.
 */
export const deskVersionSchema = z
  .string()
  .trim()
  .regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}(?:-[0-9A-Za-z.]{1,40})?$/, 'version: x.y.z or x.y.z-pre');
export type DeskVersion = z.infer<typeof deskVersionSchema>;

const parts = (v: string): { nums: number[]; pre: string[] } => {
  const [core = '', pre] = v.split('-', 2);
  return { nums: core.split('.').map(Number), pre: pre ? pre.split('.') : [] };
};

/** Semver precedence (what electron-updater uses): negative when a < b, 0 when equal. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa.nums[i] ?? 0) - (pb.nums[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  // a pre-release sorts before its release: 1.5.0-rc.1 < 1.5.0
  if (pa.pre.length === 0 || pb.pre.length === 0) return Math.sign(pb.pre.length - pa.pre.length);
  for (let i = 0; i < Math.max(pa.pre.length, pb.pre.length); i++) {
    const x = pa.pre[i];
    const y = pb.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : null;
    const ny = /^\d+$/.test(y) ? Number(y) : null;
    if (nx !== null && ny !== null) {
      if (nx !== ny) return Math.sign(nx - ny);
    } else if (nx !== null) return -1;
    else if (ny !== null) return 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
