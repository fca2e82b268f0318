import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL } from '../../shared/contract/ipc-channel';
import { AppError } from '../../shared/errors/app-error';
import type { Dispatch } from '../desk/dispatch';

/** Only our own top-level page may call the core: a frame from anywhere else gets a typed refusal. */
export function registerIpc(dispatch: Dispatch, isTrustedUrl: (url: string) => boolean): void {
  ipcMain.handle(IPC_CHANNEL, (event: IpcMainInvokeEvent, call: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
      return { ok: false, error: new AppError('unauthorized_sender').toData('it') };
    }
    return dispatch(call, input);
  });
}
