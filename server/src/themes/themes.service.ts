import type { DataSource, Repository } from 'typeorm';
import { Role } from '@atelier/shared';
import { Theme } from './theme.entity.js';
import { requireRole, type Actor } from '../auth/guard.js';
import { notFound } from '../common/errors.js';
import { cleanAliases, requireKey, requireText } from '../common/validate.js';

export interface ThemeInput {
  key: string;
  labelNl: string;
  labelFr: string;
  labelEn: string;
  keywords?: string[] | null;
  parentKey?: string | null;
}

export class ThemesService {
  private readonly themes: Repository<Theme>;
  private readonly listeners: (() => Promise<void>)[] = [];

  constructor(dataSource: DataSource) {
    this.themes = dataSource.getRepository(Theme);
  }

  /** Told after the themes changed: tagging and cross-language search depend on them. */
  onChanged(listener: () => Promise<void>): void {
    this.listeners.push(listener);
  }

  list(actor: Actor | null): Promise<Theme[]> {
    requireRole(actor, Role.VIEWER);
    return this.themes.find({ order: { key: 'ASC' } });
  }

  async getById(actor: Actor | null, id: string): Promise<Theme> {
    requireRole(actor, Role.VIEWER);
    const found = await this.themes.findOneBy({ id });
    if (!found) throw notFound('Theme');
    return found;
  }

  async getByKey(actor: Actor | null, key: string): Promise<Theme> {
    requireRole(actor, Role.VIEWER);
    const theme = await this.themes.findOneBy({ key });
    if (!theme) throw notFound('Theme', 'key');
    return theme;
  }

  /** Creates or updates the theme with this key. */
  async upsert(actor: Actor | null, input: ThemeInput): Promise<Theme> {
    requireRole(actor, Role.ADMIN);
    const key = requireKey('key', input.key);
    const theme = (await this.themes.findOneBy({ key })) ?? this.themes.create({ key, keywords: [] });
    theme.labelNl = requireText('labelNl', input.labelNl, 200);
    theme.labelFr = requireText('labelFr', input.labelFr, 200);
    theme.labelEn = requireText('labelEn', input.labelEn, 200);
    if (input.keywords != null) theme.keywords = cleanAliases('keywords', input.keywords);
    if (input.parentKey !== undefined) {
      theme.parentId = input.parentKey === null ? null : (await this.getByKey(actor, requireKey('parentKey', input.parentKey))).id;
    }
    const saved = await this.themes.save(theme);
    for (const listener of this.listeners) await listener();
    return saved;
  }

  async delete(actor: Actor | null, key: string): Promise<boolean> {
    requireRole(actor, Role.ADMIN);
    const result = await this.themes.delete({ key });
    if (!result.affected) throw notFound('Theme', 'key');
    return true;
  }
}
