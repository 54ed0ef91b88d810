import * as Y from 'yjs';
import { textBlocks } from '@atelier/shared';

/**
 * The lines of the report as this device kept it (`kept`, its IndexedDB copy) that the server's
 * copy (`server`) does not have: what a person typed here while they could write, which never
 * reached the server before their role became read-only. A line changed here is given whole, so
 * the words come with their context. Empty when the server has everything the device inserted.
 */
export function unsavedLines(kept: Y.Doc, server: Y.Doc): string[] {
  const serverClocks = Y.decodeStateVector(Y.encodeStateVector(server));
  const keptClocks = Y.decodeStateVector(Y.encodeStateVector(kept));
  if (![...keptClocks].some(([client, clock]) => clock > (serverClocks.get(client) ?? 0))) return [];
  // Merged, not compared side by side: what the group deleted since stays deleted, so only what
  // this device added shows.
  const merged = new Y.Doc();
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(server));
  Y.applyUpdate(merged, Y.encodeStateAsUpdate(kept));
  const known = new Map<string, number>();
  for (const block of textBlocks(server)) known.set(block.text, (known.get(block.text) ?? 0) + 1);
  const lines: string[] = [];
  for (const block of textBlocks(merged)) {
    const count = known.get(block.text) ?? 0;
    if (count) known.set(block.text, count - 1);
    else lines.push(block.text);
  }
  merged.destroy();
  return lines;
}
