/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server in development; override to point at another port.
const server = process.env.CANDOR_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      // Host is passed through unchanged: the server accepts a socket whose Origin matches the Host it sees.
      '/api': { target: server },
      '/socket.io': { target: server, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    // Read by scripts/bundle-size.mjs: which chunks a phone's first visit downloads.
    manifest: true,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.spec.ts'],
  },
});
