import type { SessionInfo } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';

/** The case queue and dashboard (F7). */
export function CasesScreen(_props: {
  session: SessionInfo;
  onBack: () => void;
  onOpenResident: (id: string) => void;
  onError: (e: ErrorData) => void;
}) {
  return null;
}
