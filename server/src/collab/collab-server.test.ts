import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pino } from 'pino';
import { CollabServer } from './collab-server.js';
import type { UpdateLog } from './update-log.js';

/** The log's part the server uses, kept in memory: this test is about scheduling, not storage. */
function memoryLog(names: string[]): UpdateLog {
  let seq = 0;
  const log: Pick<UpdateLog, 'append' | 'load'> = {
    append: async () => ++seq,
    load: async (name) => (names.includes(name) ? { doc: new Y.Doc(), seq: 0 } : null),
  };
  return log as UpdateLog;
}

describe('CollabServer derived data', () => {
  it('derives one document at a time, and every edited document gets its turn', async () => {
    const names = ['report-a', 'report-b', 'report-c', 'report-d'];
    let running = 0;
    let mostAtOnce = 0;
    const derived: string[] = [];
    const server = new CollabServer({
      authenticate: async () => ({ closeCode: 4401, reason: 'not used' }),
      log: memoryLog(names),
      logger: pino({ level: 'silent' }),
      maxMessageBytes: 1 << 20,
      pingIntervalMs: 60_000,
      currentRoles: async () => new Map(),
      async onDocumentChanged(name, doc) {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 40));
        derived.push(`${name}: ${doc.getText('body').toString()}`);
        running--;
      },
    });
    try {
      // Edited in the same moment, so all four come due together.
      await Promise.all(names.map((name) => server.change(name, (doc) => doc.getText('body').insert(0, `text of ${name}`))));
      await expect.poll(() => derived.length, { timeout: 5000 }).toBe(names.length);
      expect(mostAtOnce).toBe(1);
      expect(derived.sort()).toEqual(names.map((name) => `${name}: text of ${name}`));
    } finally {
      await server.close();
    }
  });
});
