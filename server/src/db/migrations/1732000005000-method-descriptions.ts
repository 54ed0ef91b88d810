import type { MigrationInterface, QueryRunner } from 'typeorm';
import { loadTaxonomy } from '../../taxonomy/load.js';

/**
 * A method's description in Dutch and French beside the English one (\`description\`), so each
 * reader sees it in the language of the page and search finds a method by its description in
 * either language. The shipped methods get the shipped texts; the others start empty until a
 * coordinator writes them (the page falls back to the English text meanwhile).
 */
export class MethodDescriptions1732000005000 implements MigrationInterface {
  name = 'MethodDescriptions1732000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE method ADD COLUMN description_nl text NOT NULL DEFAULT '', ADD COLUMN description_fr text NOT NULL DEFAULT ''`);
    await q.query(
      `UPDATE method m SET description_nl = s.nl, description_fr = s.fr
         FROM jsonb_to_recordset($1::jsonb) AS s(key text, nl text, fr text) WHERE s.key = m.key`,
      [JSON.stringify(loadTaxonomy().methods.map((method) => ({ key: method.key, nl: method.description.nl, fr: method.description.fr })))],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE method DROP COLUMN description_nl, DROP COLUMN description_fr`);
  }
}
