import type { ResidentDetail, SessionInfo } from '../../../shared/contract/views';
import type { ErrorData } from '../../../shared/errors/app-error';

/** Case actions on an open resident (e.g. change of residence intake), shown in the record's header. */
export function ResidentCaseActions(_props: {
  resident: ResidentDetail;
  session: SessionInfo;
  onError: (e: ErrorData) => void;
}) {
  return null;
}
