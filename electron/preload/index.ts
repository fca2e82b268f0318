import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/contract/build-api';
import { IPC_CHANNEL } from '../../shared/contract/ipc-channel';

// One curated object, never ipcRenderer itself: the page can only make contract calls.
contextBridge.exposeInMainWorld(
  'sportello',
  buildApi((call, input) => ipcRenderer.invoke(IPC_CHANNEL, call, input)),
);
