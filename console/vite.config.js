import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

// Built by the Maven build (exec-maven-plugin, generate-resources) into the jar's static resources, served at /console/.
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    outDir: process.env.CONSOLE_OUT_DIR
      || fileURLToPath(new URL('../target/classes/META-INF/resources/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
  },
});
