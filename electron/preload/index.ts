import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL } from '../../shared/contract/ipc-channel';

// One function, never ipcRenderer itself: the page can only make contract calls, and the core
// checks each name and input. The page builds its typed client from the contract (renderer/src/api).
contextBridge.exposeInMainWorld('sportelloIpc', {
  invoke: (call: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(IPC_CHANNEL, call, input),
});
