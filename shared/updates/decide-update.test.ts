import { describe, expect, it } from 'vitest';
import { decideUpdate, type UpdateSituation } from './decide-update';

const base: UpdateSituation = {
  current: '1.2.0',
  managedByIt: false,
  offered: { version: '1.3.0', installWindow: { from: '07:00', to: '07:45' }, downgradeSigned: false },
  downloaded: null,
  counterSessionOpen: false,
  unsyncedMutations: 0,
  quitting: false,
  localTime: '10:30',
};
const offered = (o: Partial<NonNullable<UpdateSituation['offered']>>) => ({
  offered: { ...base.offered!, ...o },
});

// one row per rule: the situation that differs from `base`, and what the desk must do
const TABLE: [string, Partial<UpdateSituation>, ReturnType<typeof decideUpdate>][] = [
  [
    'IT pushes updates with its own tools',
    { managedByIt: true, downloaded: '1.3.0' },
    { action: 'none', why: 'managed_by_it' },
  ],
  ['the hub did not answer', { offered: null }, { action: 'none', why: 'no_answer' }],
  ['already on the offered version', offered({ version: '1.2.0' }), { action: 'none', why: 'up_to_date' }],
  [
    'a lower version without the signed instruction',
    offered({ version: '1.1.0' }),
    { action: 'none', why: 'lower_unsigned' },
  ],
  [
    'a lower version with the signed instruction',
    offered({ version: '1.1.0', downgradeSigned: true }),
    { action: 'download', version: '1.1.0', allowDowngrade: true },
  ],
  ['a newer version, not downloaded', {}, { action: 'download', version: '1.3.0', allowDowngrade: false }],
  [
    'a newer version, a different one downloaded',
    { downloaded: '1.2.5' },
    { action: 'download', version: '1.3.0', allowDowngrade: false },
  ],
  [
    'downloaded, payments not yet at the hub, at quit',
    { downloaded: '1.3.0', unsyncedMutations: 2, quitting: true },
    { action: 'hold', version: '1.3.0', why: 'unsynced' },
  ],
  [
    'downloaded, synced, at quit',
    { downloaded: '1.3.0', quitting: true, counterSessionOpen: true },
    { action: 'install_now', version: '1.3.0' },
  ],
  [
    'downloaded, clerk at the counter inside the window',
    { downloaded: '1.3.0', counterSessionOpen: true, localTime: '07:10' },
    { action: 'install_at_quit', version: '1.3.0' },
  ],
  [
    'downloaded, nobody logged in, inside the window',
    { downloaded: '1.3.0', localTime: '07:10' },
    { action: 'install_now', version: '1.3.0' },
  ],
  [
    'downloaded, nobody logged in, outside the window',
    { downloaded: '1.3.0', localTime: '13:00' },
    { action: 'install_at_quit', version: '1.3.0' },
  ],
  [
    'downloaded, no window from the hub',
    { downloaded: '1.3.0', ...offered({ installWindow: null }) },
    { action: 'install_at_quit', version: '1.3.0' },
  ],
  [
    'a window over midnight',
    {
      downloaded: '1.3.0',
      ...offered({ installWindow: { from: '22:00', to: '05:00' } }),
      localTime: '01:00',
    },
    { action: 'install_now', version: '1.3.0' },
  ],
];

describe('decideUpdate: what the desk does with the feed’s answer', () => {
  it.each(TABLE)('%s', (_what, situation, expected) => {
    expect(decideUpdate({ ...base, ...situation })).toEqual(expected);
  });
});
