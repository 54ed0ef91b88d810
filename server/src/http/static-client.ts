import fs from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

/**
 * Serves the built client: hashed assets cached for good, index.html for every app route
 * (so /meetings/123 reloads), and the bundled GraphiQL at /graphiql.
 */
export function serveClient(app: Express, distDir: string): boolean {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) return false;
  app.use('/assets', express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  const graphiql = path.join(distDir, 'graphiql.html');
  app.get('/graphiql', (_req, res, next) => (fs.existsSync(graphiql) ? res.sendFile(graphiql) : next()));
  app.use(express.static(distDir, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|collab|healthz).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
