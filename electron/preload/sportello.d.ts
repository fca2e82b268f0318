import type { Invoke } from '../../shared/contract/api';

declare global {
  interface Window {
    /** set by the Electron preload; absent in browser mode */
    sportelloIpc?: { invoke: Invoke };
  }
}
export {};
