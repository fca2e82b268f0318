import { CALL_NAMES, type CallName } from '../../shared/contract/call-names';
import { contract } from '../../shared/contract/contract';
import { AppError, type Result } from '../../shared/errors/app-error';
import type { DeskContext } from './context';
import type { Handlers } from './handlers';
import { touchSession } from './session/session-service';
import { describeIssue, fieldLabel } from '../../shared/i18n/field-labels';

const isCallName = (name: unknown): name is CallName =>
  typeof name === 'string' && (CALL_NAMES as readonly string[]).includes(name);

export type Dispatch = (call: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The single entry every transport uses: checks the call name, validates the input against the
 * contract, enforces the session, runs the service and turns any failure into typed data in the
 * session's language. Nothing reaches a service unvalidated; no stack trace leaves.
 */
export function createDispatch(
  ctx: DeskContext,
  handlers: Handlers,
  log: (msg: string, err: unknown) => void = console.error,
): Dispatch {
  return async (call, input) => {
    try {
      if (!isCallName(call)) throw new AppError('unknown_call', { call: String(call).slice(0, 60) });
      const spec = contract[call];
      const parsed = spec.input.safeParse(input ?? {});
      if (!parsed.success) {
        const first = parsed.error.issues[0];
        // the clerk reads the form's label, never the schema's path (shared/i18n/field-labels.ts)
        const detail = first ? describeIssue(first, ctx.state.locale) : fieldLabel([], ctx.state.locale);
        throw new AppError('invalid_input', { detail });
      }
      if (spec.access === 'clerk') await touchSession(ctx);
      const handler = handlers[call] as (c: DeskContext, i: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(ctx, parsed.data) };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toData(ctx.state.locale) };
      log(`[desk] ${String(call)} failed`, err);
      return { ok: false, error: new AppError('internal').toData(ctx.state.locale) };
    }
  };
}
