import { describe, expect, it } from 'vitest';
import { UpdateLog } from './update-log.js';
import type { Queryable } from '../reports/report-state.js';

/** A database whose INSERTs answer only when the test says so: each call is kept with its rows. */
function heldDatabase() {
  let seq = 0;
  const calls: { documents: string[]; answer(): void; refuse(error: Error): void }[] = [];
  const db: Queryable = {
    query: (_sql, params) =>
      new Promise((resolve, reject) => {
        // One row comes as its own parameters, several as arrays.
        const documents = ([] as string[]).concat((params as [string | string[]])[0]);
        const rows = documents.map(() => ({ seq: String(++seq) }));
        calls.push({ documents, answer: () => resolve(rows), refuse: reject });
      }),
  };
  return { db, calls };
}

const nextLoopTurn = () => new Promise((resolve) => setImmediate(resolve));
const update = (byte: number) => new Uint8Array([byte]);

describe('UpdateLog', () => {
  it('writes a keystroke while an earlier batch is on its way, and still resolves them in the order sent', async () => {
    const { db, calls } = heldDatabase();
    const log = new UpdateLog(db, 3);
    const settled: string[] = [];
    const first = log.append('report-a', update(1)).then((seq) => settled.push(`first ${seq}`));
    await nextLoopTurn();
    const second = log.append('report-a', update(2)).then((seq) => settled.push(`second ${seq}`));
    await nextLoopTurn();
    expect(calls).toHaveLength(2);

    calls[1].answer();
    await nextLoopTurn();
    expect(settled).toEqual([]);
    calls[0].answer();
    await Promise.all([first, second]);
    expect(settled).toEqual(['first 1', 'second 2']);
  });

  it('keeps to its number of writers; what waits meanwhile goes in one batch', async () => {
    const { db, calls } = heldDatabase();
    const log = new UpdateLog(db, 2);
    const appended = [log.append('report-a', update(1))];
    await nextLoopTurn();
    appended.push(log.append('report-b', update(2)));
    await nextLoopTurn();
    for (const name of ['report-a', 'report-b', 'report-c']) {
      appended.push(log.append(name, update(3)));
      await nextLoopTurn();
    }
    expect(calls.map((call) => call.documents)).toEqual([['report-a'], ['report-b']]);

    calls[0].answer();
    await nextLoopTurn();
    expect(calls[2].documents).toEqual(['report-a', 'report-b', 'report-c']);
    calls[1].answer();
    calls[2].answer();
    expect(await Promise.all(appended)).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses only the appends of a batch the database refused; a later batch resolves after it', async () => {
    const { db, calls } = heldDatabase();
    const log = new UpdateLog(db, 3);
    const settled: string[] = [];
    const first = log.append('report-a', update(1)).then(
      () => settled.push('first stored'),
      (error: Error) => settled.push(`first refused: ${error.message}`),
    );
    await nextLoopTurn();
    const second = log.append('report-a', update(2)).then(() => settled.push('second stored'));
    await nextLoopTurn();

    calls[1].answer();
    calls[0].refuse(new Error('disk full'));
    await Promise.all([first, second]);
    expect(settled).toEqual(['first refused: disk full', 'second stored']);
  });
});
