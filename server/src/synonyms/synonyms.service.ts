import type { DataSource, EntityManager } from 'typeorm';
import { Role } from '@atelier/shared';
import { SynonymGroup } from './synonym-group.entity.js';
import { requireRole, type Actor } from '../auth/guard.js';
import { badInput, conflict, notFound } from '../common/errors.js';
import { optionalText } from '../common/validate.js';
import { synonymTerm } from '../taxonomy/synonyms.js';

const MAX_TERMS = 50;
const MAX_TERM_LENGTH = 100;

/**
 * Search's synonym groups, which coordinators edit. A word belongs to one group at most: in two,
 * a search for it would have to widen to both, and nobody would know which they meant.
 */
export class SynonymsService {
  constructor(private readonly dataSource: DataSource) {}

  /** By their first word, as a coordinator looks one up. */
  async list(actor: Actor | null): Promise<SynonymGroup[]> {
    requireRole(actor, Role.VIEWER);
    const groups = await this.dataSource.getRepository(SynonymGroup).find();
    return groups.sort((a, b) => a.terms[0].localeCompare(b.terms[0], 'nl', { sensitivity: 'base' }) || a.id.localeCompare(b.id));
  }

  /** Creates a group (`id` null) or replaces the words of one. */
  async save(actor: Actor | null, id: string | null, terms: readonly string[]): Promise<SynonymGroup> {
    requireRole(actor, Role.ADMIN);
    const cleaned = cleanTerms(terms);
    return this.dataSource.transaction(async (manager) => {
      // Two coordinators saving at once must not both put one word in two groups.
      await manager.query(`LOCK TABLE synonym_group IN SHARE ROW EXCLUSIVE MODE`);
      const repository = manager.getRepository(SynonymGroup);
      const group = id === null ? repository.create() : await repository.findOneBy({ id });
      if (!group) throw notFound('SynonymGroup');
      await refuseTermsOfOtherGroups(manager, id, cleaned);
      group.terms = cleaned;
      return repository.save(group);
    });
  }

  async delete(actor: Actor | null, id: string): Promise<boolean> {
    requireRole(actor, Role.ADMIN);
    const result = await this.dataSource.getRepository(SynonymGroup).delete({ id });
    if (!result.affected) throw notFound('SynonymGroup');
    return true;
  }
}

/** Each word once (accents and case aside), in the order given; at least two of them. */
function cleanTerms(terms: readonly string[]): string[] {
  if (terms.length > MAX_TERMS) throw badInput('terms', { key: 'synonymsTooMany', params: { max: MAX_TERMS } });
  const seen = new Set<string>();
  const cleaned: string[] = [];
  for (const raw of terms) {
    const term = optionalText('terms', raw, MAX_TERM_LENGTH)?.replace(/\s+/g, ' ');
    if (!term) continue;
    const compared = synonymTerm(term);
    if (compared.length < 2) throw badInput('terms', { key: 'synonymTooShort', params: { term } });
    if (seen.has(compared)) continue;
    seen.add(compared);
    cleaned.push(term);
  }
  if (cleaned.length < 2) throw badInput('terms', { key: 'synonymsTooFew' });
  return cleaned;
}

async function refuseTermsOfOtherGroups(manager: EntityManager, id: string | null, terms: string[]): Promise<void> {
  const others: { terms: string[] }[] = await manager.query(`SELECT terms FROM synonym_group WHERE id IS DISTINCT FROM $1`, [id]);
  const owner = new Map<string, string[]>();
  for (const group of others) for (const term of group.terms) owner.set(synonymTerm(term), group.terms);
  for (const term of terms) {
    const group = owner.get(synonymTerm(term));
    if (group) throw conflict('terms', { key: 'synonymTaken', params: { term, group: group.join(', ') } });
  }
}
