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

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      externalizeDeps: { exclude: bundled },
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // a sandboxed preload can require only electron's own modules: everything else inline
      externalizeDeps: { exclude: bundled },
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
