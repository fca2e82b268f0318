import type { z } from 'zod';

/**
 * One contract entry: a zod schema for its input, its output type, and who may call it.
 * Transports (IPC, browser-mode HTTP) and the renderer client are derived from the table.
 */
export interface CallSpec<I extends z.ZodType, O> {
  input: I;
  /** `public` calls work without a clerk session (login screen, status). */
  access: 'public' | 'clerk';
  /** phantom: carries the output type */
  output?: O;
}

export const spec =
  <O>() =>
  <I extends z.ZodType>(input: I, access: 'public' | 'clerk'): CallSpec<I, O> => ({ input, access });
