import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { pino } from 'pino';
import { CollabServer } from './collab-server.js';
import type { UpdateLog } from './update-log.js';

/** The log's part the server uses, kept in memory; `failing` plays a database that refuses writes. */
function memoryLog(names: string[]): UpdateLog & { failing: boolean } {
  let seq = 0;
  const stored = new Map<string, Uint8Array[]>(names.map((name) => [name, []]));
  const log: Pick<UpdateLog, 'append' | 'load' | 'loadMerged'> & { failing: boolean } = {
    failing: false,
    async append(name, update) {
      if (log.failing) throw new Error('database unavailable');
      stored.get(name)!.push(update);
      return ++seq;
    },
    async load(name) {
      const updates = stored.get(name);
      if (!updates) return null;
      const doc = new Y.Doc();
      for (const update of updates) Y.applyUpdate(doc, update);
      return { doc, seq };
    },
    async loadMerged(name) {
      const updates = stored.get(name);
      if (!updates) return null;
      return { update: updates.length ? Y.mergeUpdates(updates) : Y.encodeStateAsUpdate(new Y.Doc()), seq };
    },
  };
  return log as UpdateLog & { failing: boolean };
}

/** `onBatch`: told each batch of documents that came due together, once they are stored. */
function serverOn(log: UpdateLog, onBatch?: (documents: { name: string; doc: Y.Doc }[]) => Promise<void>): CollabServer {
  return new CollabServer({
    authenticate: async () => ({ closeCode: 4401, reason: 'not used' }),
    log,
    logger: pino({ level: 'silent' }),
    maxMessageBytes: 1 << 20,
    pingIntervalMs: 60_000,
    currentRoles: async () => new Map(),
    onDocumentsChanged: onBatch && (async (documents) => {
      const settled = [];
      for (const document of documents) {
        const stored = await document.settled();
        if (stored) settled.push({ name: document.name, doc: stored.doc });
      }
      await onBatch(settled);
    }),
  });
}

describe('CollabServer derived data', () => {
  it('derives one batch at a time, and every edited document gets its turn', async () => {
    const names = ['report-a', 'report-b', 'report-c', 'report-d'];
    let running = 0;
    let mostAtOnce = 0;
    const derived: string[] = [];
    const server = serverOn(memoryLog(names), async (documents) => {
      running++;
      mostAtOnce = Math.max(mostAtOnce, running);
      await new Promise((resolve) => setTimeout(resolve, 40));
      for (const { name, doc } of documents) derived.push(`${name}: ${doc.getText('body').toString()}`);
      running--;
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

describe('CollabServer storage', () => {
  it('keeps no change in memory that the log refused, and goes on from what is stored', async () => {
    const log = memoryLog(['report-a']);
    const derived: string[] = [];
    const server = serverOn(log, async (documents) => {
      for (const { doc } of documents) derived.push(doc.getText('body').toString());
    });
    const text = () => server.loadedDocument('report-a')?.getText('body').toString() ?? null;
    try {
      await server.change('report-a', (doc) => doc.getText('body').insert(0, 'stored'));
      expect(text()).toBe('stored');
      log.failing = true;
      await server.change('report-a', (doc) => doc.getText('body').insert(6, ' and refused'));
      expect(text() ?? '').not.toContain('refused');
      log.failing = false;
      await server.change('report-a', (doc) => doc.getText('body').insert(6, ', then more'));
      expect(text()).toBe('stored, then more');
      await expect.poll(() => derived.at(-1), { timeout: 5000 }).toBe('stored, then more');
      expect(derived.filter((derivedText) => derivedText.includes('refused'))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
