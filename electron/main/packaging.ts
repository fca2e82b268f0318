/**
 * What the desk installer carries besides the bundled out/ folder: native modules only, because
 * they cannot be bundled (a .node binary built for Electron's ABI). electron.vite.config.ts
 * bundles every other dependency the desk imports; electron-builder.yml lists these as the only
 * node_modules to pack (with the two tiny packages `bindings` needs to find the binary).
 * better-sqlite3-multiple-ciphers opens the encrypted mirror (electron/desk/db/mirror-cipher.ts);
 * better-sqlite3 is still imported by open-database.ts for its plain path (tests, benchmarks).
 */
export const DESK_NATIVE_MODULES: readonly string[] = ['better-sqlite3', 'better-sqlite3-multiple-ciphers'];
export const DESK_NODE_MODULES: readonly string[] = [...DESK_NATIVE_MODULES, 'bindings', 'file-uri-to-path'];
