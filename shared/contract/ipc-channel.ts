/** The one IPC channel; the call name travels as its first argument and is checked by the core. */
export const IPC_CHANNEL = 'sportello:invoke';
