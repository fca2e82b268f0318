import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { DESK_NATIVE_MODULES } from './electron/main/packaging';

const pkg = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

/**
 * The desk's main process is bundled: the installer carries the code the desk runs and nothing
 * else (no Fastify, no pg, no hub code, no demo registry), because only what main imports ends up
 * in out/main. The native SQLite binding cannot be bundled and stays in node_modules
 * (electron-builder.yml keeps only it); electron is the runtime itself.
 */
const bundled = Object.keys(pkg.dependencies).filter((d) => !DESK_NATIVE_MODULES.includes(d));

/**
 * An import the bundler can already tell will be undefined at run time (a named import the package's
 * ES build does not export) fails the build instead of a document at the counter.
 */
const refuseUndefinedImports = {
  onwarn(warning: { code?: string; message: string }, warn: (w: { code?: string; message: string }) => void) {
    if (warning.code === 'IMPORT_IS_UNDEFINED') throw new Error(warning.message);
    warn(warning);
  },
};

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: bundled },
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/main/index.ts') },
        ...refuseUndefinedImports,
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // a sandboxed preload can require only electron's own modules: everything else inline
      externalizeDeps: { exclude: bundled },
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        ...refuseUndefinedImports,
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        ...refuseUndefinedImports,
      },
    },
  },
});
