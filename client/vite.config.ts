import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // One copy of each: two copies of yjs silently break sync ("Yjs was already imported").
    dedupe: ['yjs', 'y-protocols', 'lib0', 'react', 'react-dom', '@tiptap/core', '@tiptap/pm', '@tiptap/react', '@tiptap/y-tiptap'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    rollupOptions: { input: { main: 'index.html', graphiql: 'graphiql.html' } },
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/graphql': api,
      '/healthz': api,
      '/collab': { target: api.replace('http', 'ws'), ws: true },
    },
  },
});
