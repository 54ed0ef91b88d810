import type { DataSource, Repository } from 'typeorm';
import { Role } from '@atelier/shared';
import { Method } from './method.entity.js';
import { requireRole, type Actor } from '../auth/guard.js';
import { notFound } from '../common/errors.js';
import { cleanAliases, optionalText, requireKey, requireText } from '../common/validate.js';

export interface MethodInput {
  key: string;
  name: string;
  aliases?: string[] | null;
  description?: string | null;
  descriptionNl?: string | null;
  descriptionFr?: string | null;
}

export interface MethodMention {
  meetingId: string;
  passage: string | null;
  origin: string;
}

/** Called after a method or its aliases change (reports are re-linked, search re-indexed). */
export type MethodsChangedListener = (methodKey: string) => Promise<void>;

export class MethodsService {
  private readonly methods: Repository<Method>;
  private readonly listeners: MethodsChangedListener[] = [];

  constructor(private readonly dataSource: DataSource) {
    this.methods = dataSource.getRepository(Method);
  }

  onChanged(listener: MethodsChangedListener): void {
    this.listeners.push(listener);
  }

  list(actor: Actor | null): Promise<Method[]> {
    requireRole(actor, Role.VIEWER);
    return this.methods.find({ order: { name: 'ASC' } });
  }

  async getById(actor: Actor | null, id: string): Promise<Method> {
    requireRole(actor, Role.VIEWER);
    const found = await this.methods.findOneBy({ id });
    if (!found) throw notFound('Method');
    return found;
  }

  async getByKey(actor: Actor | null, key: string): Promise<Method> {
    requireRole(actor, Role.VIEWER);
    const method = await this.methods.findOneBy({ key });
    if (!method) throw notFound('Method', 'key');
    return method;
  }

  /** Every passage that mentions the method, oldest meeting first: how it travelled. */
  async mentions(actor: Actor | null, methodId: string): Promise<MethodMention[]> {
    requireRole(actor, Role.VIEWER);
    const rows: { meeting_id: string; passage: string | null; origin: string }[] = await this.dataSource.query(
      `SELECT l.meeting_id, l.passage, l.origin FROM link l JOIN meeting m ON m.id = l.meeting_id
        WHERE l.target_type = 'METHOD' AND l.target_id = $1
        ORDER BY m.date ASC, l.created_at ASC`,
      [methodId],
    );
    return rows.map((row) => ({ meetingId: row.meeting_id, passage: row.passage, origin: row.origin }));
  }

  async upsert(actor: Actor | null, input: MethodInput): Promise<Method> {
    requireRole(actor, Role.ADMIN);
    const key = requireKey('key', input.key);
    const method = (await this.methods.findOneBy({ key })) ?? this.methods.create({ key, aliases: [], description: '', descriptionNl: '', descriptionFr: '' });
    method.name = requireText('name', input.name, 200);
    if (input.aliases != null) method.aliases = cleanAliases('aliases', input.aliases);
    for (const field of ['description', 'descriptionNl', 'descriptionFr'] as const) {
      const text = input[field];
      if (text != null) method[field] = optionalText(field, text, 20000) ?? '';
    }
    const saved = await this.methods.save(method);
    for (const listener of this.listeners) await listener(saved.key);
    return saved;
  }

  async delete(actor: Actor | null, key: string): Promise<boolean> {
    requireRole(actor, Role.ADMIN);
    const method = await this.getByKey(actor, key);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM link WHERE (target_type = 'METHOD' AND target_id = $1) OR (source_type = 'METHOD' AND source_id = $1)`, [method.id]);
      await manager.delete(Method, { id: method.id });
    });
    return true;
  }
}
