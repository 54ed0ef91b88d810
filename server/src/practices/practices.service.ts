import crypto from 'node:crypto';
import { In, type DataSource, type EntityManager, type Repository } from 'typeorm';
import { Role } from '@atelier/shared';
import { Practice, type PracticeOrigin } from './practice.entity.js';
import { requireRole, type Actor } from '../auth/guard.js';
import { badInput, notFound } from '../common/errors.js';
import { optionalText, requireText } from '../common/validate.js';
import { isUuid } from '../graphql/global-id.js';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../graphql/connection.js';

export interface PracticeFields {
  title: string;
  description?: string | null;
  themeKeys?: string[] | null;
  methodKeys?: string[] | null;
  organizationIds?: string[] | null;
  meetingId?: string | null;
  sourcePassage?: string | null;
  section?: string | null;
  anchor?: unknown;
}

/** Called after practices change, so the search index follows. */
export type PracticesChangedListener = (practiceIds: string[], deleted: boolean) => Promise<void>;

export class PracticesService {
  private readonly practices: Repository<Practice>;
  private readonly listeners: PracticesChangedListener[] = [];

  constructor(private readonly dataSource: DataSource) {
    this.practices = dataSource.getRepository(Practice);
  }

  onChanged(listener: PracticesChangedListener): void {
    this.listeners.push(listener);
  }

  private async changed(ids: string[], deleted: boolean): Promise<void> {
    for (const listener of this.listeners) await listener(ids, deleted);
  }

  async get(actor: Actor | null, id: string): Promise<Practice> {
    requireRole(actor, Role.VIEWER);
    const practice = await this.practices.findOneBy({ id });
    if (!practice) throw notFound('Practice');
    return practice;
  }

  /** Newest first; keyset pagination on (created_at to the millisecond, id). */
  async page(actor: Actor | null, themeKey: string | null, first: number | null | undefined, after: string | null | undefined): Promise<Connection<Practice>> {
    requireRole(actor, Role.VIEWER);
    const size = pageSize(first);
    const cursor = decodeCursor(after, 2);
    if (cursor && !(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/.test(String(cursor[0])) && isUuid(String(cursor[1])))) {
      throw badInput('after', 'after is not a cursor returned by this list');
    }
    let themeId: string | null = null;
    if (themeKey) {
      const theme: { id: string }[] = await this.dataSource.query(`SELECT id FROM theme WHERE key = $1`, [themeKey]);
      if (!theme.length) throw badInput('theme', { key: 'unknownTheme', params: { key: themeKey.slice(0, 100) } });
      themeId = theme[0].id;
    }
    const themeFilter = `($1::uuid IS NULL OR EXISTS (SELECT 1 FROM practice_theme pt WHERE pt.practice_id = p.id AND pt.theme_id = $1))`;
    const [{ count }]: { count: string }[] = await this.dataSource.query(`SELECT count(*) FROM practice p WHERE ${themeFilter}`, [themeId]);
    const keys: { id: string; at: string }[] = await this.dataSource.query(
      `SELECT p.id, to_char(date_trunc('milliseconds', p.created_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS at
         FROM practice p
        WHERE ${themeFilter}
          AND ($2::timestamp IS NULL OR (date_trunc('milliseconds', p.created_at) AT TIME ZONE 'UTC', p.id) < ($2::timestamp, $3::uuid))
        ORDER BY date_trunc('milliseconds', p.created_at) DESC, p.id DESC
        LIMIT $4`,
      [themeId, cursor?.[0] ?? null, cursor?.[1] ?? null, size + 1],
    );
    const byId = new Map((await this.practices.findBy({ id: In(keys.map((key) => key.id)) })).map((row) => [row.id, row]));
    const atById = new Map(keys.map((key) => [key.id, key.at]));
    const rows = keys.map((key) => byId.get(key.id)).filter((row): row is Practice => row !== undefined);
    return toConnection(rows, size, Number(count), (row) => encodeCursor([atById.get(row.id)!, row.id]));
  }

  async create(actor: Actor | null, fields: PracticeFields, origin: PracticeOrigin = 'MANUAL'): Promise<Practice> {
    requireRole(actor, Role.EDITOR);
    const practice = await this.dataSource.transaction((manager) => this.insert(manager, fields, origin));
    await this.changed([practice.id], false);
    return practice;
  }

  /** One practice inside a caller's transaction. */
  async insert(manager: EntityManager, fields: PracticeFields, origin: PracticeOrigin): Promise<Practice> {
    const [id] = await this.insertMany(manager, [fields], origin);
    return manager.findOneByOrFail(Practice, { id });
  }

  /**
   * Many practices in a handful of statements (an imported report brings dozens), inside the
   * caller's transaction. Ids are made here so the link rows can be written in bulk too.
   */
  async insertMany(manager: EntityManager, list: PracticeFields[], origin: PracticeOrigin): Promise<string[]> {
    if (!list.length) return [];
    const rows = list.map((fields) => ({
      id: crypto.randomUUID(),
      title: requireText('title', fields.title, 500),
      description: optionalText('description', fields.description, 20000) ?? '',
      meeting_id: fields.meetingId ?? null,
      source_passage: optionalText('sourcePassage', fields.sourcePassage, 20000),
      section: optionalText('section', fields.section, 500),
      anchor: fields.anchor ?? null,
      themes: [...new Set((fields.themeKeys ?? []).map(trimKey))],
      methods: [...new Set((fields.methodKeys ?? []).map(trimKey))],
      organizations: [...new Set(fields.organizationIds ?? [])],
    }));
    await checkReferences(manager, {
      meetingIds: rows.flatMap((row) => (row.meeting_id ? [row.meeting_id] : [])),
      themeKeys: rows.flatMap((row) => row.themes),
      methodKeys: rows.flatMap((row) => row.methods),
      organizationIds: rows.flatMap((row) => row.organizations),
    });
    // One statement for the practices and their links: the foreign keys are checked at its end.
    await manager.query(
      `WITH r AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, title text, description text, meeting_id uuid, source_passage text,
                                                        section text, anchor jsonb, themes text[], methods text[], organizations uuid[])
       ), practices AS (
         INSERT INTO practice (id, title, description, meeting_id, source_passage, section, anchor, origin)
         SELECT r.id, r.title, r.description, r.meeting_id, r.source_passage, r.section, r.anchor, $2 FROM r
       ), themes AS (
         INSERT INTO practice_theme (practice_id, theme_id)
         SELECT r.id, t.id FROM r CROSS JOIN LATERAL unnest(r.themes) k JOIN theme t ON t.key = k
       ), methods AS (
         INSERT INTO practice_method (practice_id, method_id)
         SELECT r.id, m.id FROM r CROSS JOIN LATERAL unnest(r.methods) k JOIN method m ON m.key = k
       )
       INSERT INTO practice_organization (practice_id, organization_id)
       SELECT r.id, o FROM r CROSS JOIN LATERAL unnest(r.organizations) o`,
      [JSON.stringify(rows), origin],
    );
    return rows.map((row) => row.id);
  }

  async update(actor: Actor | null, id: string, fields: Partial<PracticeFields>): Promise<Practice> {
    requireRole(actor, Role.EDITOR);
    const practice = await this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(Practice, { id });
      if (!existing) throw notFound('Practice');
      if (fields.title != null) existing.title = requireText('title', fields.title, 500);
      if (fields.description != null) existing.description = optionalText('description', fields.description, 20000) ?? '';
      await manager.save(existing);
      await this.setLinks(manager, id, fields);
      return existing;
    });
    await this.changed([id], false);
    return practice;
  }

  async delete(actor: Actor | null, id: string): Promise<boolean> {
    requireRole(actor, Role.EDITOR);
    const result = await this.practices.delete({ id });
    if (!result.affected) throw notFound('Practice');
    await this.changed([id], true);
    return true;
  }

  /** Replaces each list that is given; unknown keys or ids are refused, naming the field. */
  private async setLinks(manager: EntityManager, practiceId: string, fields: Partial<PracticeFields>): Promise<void> {
    const themeKeys = fields.themeKeys && [...new Set(fields.themeKeys.map(trimKey))];
    const methodKeys = fields.methodKeys && [...new Set(fields.methodKeys.map(trimKey))];
    const organizationIds = fields.organizationIds && [...new Set(fields.organizationIds)];
    await checkReferences(manager, { themeKeys: themeKeys ?? [], methodKeys: methodKeys ?? [], organizationIds: organizationIds ?? [] });
    if (themeKeys) {
      await manager.query(`DELETE FROM practice_theme WHERE practice_id = $1`, [practiceId]);
      await manager.query(`INSERT INTO practice_theme (practice_id, theme_id) SELECT $1, id FROM theme WHERE key = ANY($2)`, [practiceId, themeKeys]);
    }
    if (methodKeys) {
      await manager.query(`DELETE FROM practice_method WHERE practice_id = $1`, [practiceId]);
      await manager.query(`INSERT INTO practice_method (practice_id, method_id) SELECT $1, id FROM method WHERE key = ANY($2)`, [practiceId, methodKeys]);
    }
    if (organizationIds) {
      await manager.query(`DELETE FROM practice_organization WHERE practice_id = $1`, [practiceId]);
      await manager.query(`INSERT INTO practice_organization (practice_id, organization_id) SELECT $1, unnest($2::uuid[])`, [practiceId, organizationIds]);
    }
  }
}

const trimKey = (key: string) => String(key).trim();

/**
 * Refuses unknown meetings, theme or method keys and organisations, naming the field, with one
 * statement whatever the number of practices.
 */
async function checkReferences(
  manager: EntityManager,
  refs: { meetingIds?: string[]; themeKeys: string[]; methodKeys: string[]; organizationIds: string[] },
): Promise<void> {
  const unique = (values: string[] = []) => [...new Set(values)];
  const meetingIds = unique(refs.meetingIds?.map((id) => id.toLowerCase()));
  const themeKeys = unique(refs.themeKeys);
  const methodKeys = unique(refs.methodKeys);
  const organizationIds = unique(refs.organizationIds.map((id) => id.toLowerCase()));
  if (!meetingIds.length && !themeKeys.length && !methodKeys.length && !organizationIds.length) return;
  const found: { kind: string; value: string }[] = await manager.query(
    `SELECT 'meeting' AS kind, id::text AS value FROM meeting WHERE id = ANY($1::uuid[])
     UNION ALL SELECT 'theme', key FROM theme WHERE key = ANY($2)
     UNION ALL SELECT 'method', key FROM method WHERE key = ANY($3)
     UNION ALL SELECT 'organization', id::text FROM organization WHERE id = ANY($4::uuid[])`,
    [meetingIds.filter(isUuid), themeKeys, methodKeys, organizationIds.filter(isUuid)],
  );
  const missing = (kind: string, wanted: string[]) => {
    const known = new Set(found.filter((row) => row.kind === kind).map((row) => row.value));
    return wanted.filter((value) => !known.has(value));
  };
  if (missing('meeting', meetingIds).length) throw notFound('Meeting', 'meetingId');
  for (const [kind, field, wanted] of [['theme', 'themes', themeKeys], ['method', 'methods', methodKeys]] as const) {
    const unknown = missing(kind, wanted).map((key) => key.slice(0, 60));
    if (unknown.length) throw badInput(field, `Unknown ${kind} ${unknown.length > 1 ? 'keys' : 'key'}: ${unknown.join(', ')}`);
  }
  if (missing('organization', organizationIds).length) throw badInput('organizationIds', 'Some organisations do not exist');
}
