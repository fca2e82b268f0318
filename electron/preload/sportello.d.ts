import type { SportelloApi } from '../../shared/contract/api';

declare global {
  interface Window {
    sportello?: SportelloApi;
  }
}
export {};
