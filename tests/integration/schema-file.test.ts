import fs from 'node:fs';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, createSchema } from '../../server/src/graphql/schema.js';

describe('shared/schema.graphql', () => {
  it('is the schema the server serves (run `npm run schema` after changing it)', async () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    const current = printSchema(lexicographicSortSchema(await createSchema()));
    const strip = (sdl: string) => sdl.replace(/^#.*$/gm, '').replace(/\s+/g, ' ').trim();
    expect(strip(committed)).toBe(strip(current));
  });
});
