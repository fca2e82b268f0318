import { defineService } from '../services/service-definition';
import { UPDATE_ERROR_MESSAGES } from './update-errors';

/**
 * Desk updates: releases, rings and rollouts decided at the hub, the feed electron-updater reads,
 * the desks' reports. No counter screen and no offline mutation: the service declares its
 * refusals; the rules are pure functions beside this file (rollout.ts, decide-update.ts).
 */
export const updatesService = defineService({
  id: 'updates',
  calls: {},
  mutations: {},
  rules: {},
  entities: [],
  backfilled: [],
  errors: UPDATE_ERROR_MESSAGES,
  ui: { it: {}, en: {} },
});
