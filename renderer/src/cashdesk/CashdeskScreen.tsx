import type { SessionInfo } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';

/** Fines, pagoPA notices and the cash desk (F8). */
export function CashdeskScreen(_props: {
  session: SessionInfo;
  onBack: () => void;
  onError: (e: ErrorData) => void;
}) {
  return null;
}
