/**
 * What the desk installer carries besides the bundled out/ folder: native modules only, because
 * they cannot be bundled (a .node binary built for Electron's ABI). electron.vite.config.ts
 * bundles every other dependency the desk imports; electron-builder.yml lists these as the only
 * node_modules to pack (with the two tiny packages `bindings` needs to find the binary).
 */
export const DESK_NATIVE_MODULES: readonly string[] = ['better-sqlite3'];
export const DESK_NODE_MODULES: readonly string[] = [...DESK_NATIVE_MODULES, 'bindings', 'file-uri-to-path'];
