import type { DataSource } from 'typeorm';
import { loadTaxonomy } from '../taxonomy/load.js';

/**
 * Adds the starter themes, methods and organisations that are missing, by key or name.
 * Existing rows are left alone: once shipped, the taxonomy belongs to the coordinators who edit it.
 */
export async function seedTaxonomy(dataSource: DataSource): Promise<{ themes: number; methods: number; organizations: number }> {
  const taxonomy = loadTaxonomy();
  return dataSource.transaction(async (manager) => {
    const themes: unknown[] = await manager.query(
      `INSERT INTO theme (key, label_nl, label_fr, label_en, keywords)
       SELECT t.key, t.nl, t.fr, t.en, t.keywords
         FROM jsonb_to_recordset($1::jsonb) AS t(key text, nl text, fr text, en text, keywords text[])
       ON CONFLICT (key) DO NOTHING RETURNING id`,
      [JSON.stringify(taxonomy.themes.map((t) => ({ key: t.key, ...t.labels, keywords: allKeywords(t.keywords) })))],
    );
    const methods: unknown[] = await manager.query(
      `INSERT INTO method (key, name, aliases, description, description_nl, description_fr)
       SELECT m.key, m.name, m.aliases, m.en, m.nl, m.fr
         FROM jsonb_to_recordset($1::jsonb) AS m(key text, name text, aliases text[], nl text, fr text, en text)
       ON CONFLICT (key) DO NOTHING RETURNING id`,
      [JSON.stringify(taxonomy.methods.map((m) => ({ key: m.key, name: m.name, aliases: m.aliases, ...m.description })))],
    );
    const organizations: unknown[] = await manager.query(
      `INSERT INTO organization (name, aliases, kind, city, region)
       SELECT o.name, o.aliases, o.kind, o.city, o.region
         FROM jsonb_to_recordset($1::jsonb) AS o(name text, aliases text[], kind text, city text, region text)
        WHERE NOT EXISTS (SELECT 1 FROM organization e WHERE lower(e.name) = lower(o.name))
       RETURNING id`,
      [JSON.stringify(taxonomy.organizations)],
    );
    return { themes: themes.length, methods: methods.length, organizations: organizations.length };
  });
}

function allKeywords(keywords: Record<string, string[]> | string[]): string[] {
  return Array.isArray(keywords) ? keywords : Object.values(keywords).flat();
}
