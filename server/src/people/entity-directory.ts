import type { EntityManager } from 'typeorm';
import { OrganizationKind } from '@atelier/shared';
import { Person } from './person.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { displayName, normalizeName, resolveOrganization, resolvePerson, type KnownEntity } from '../importer/names.js';

/**
 * Finds or creates people and organisations by name inside one transaction, so that one report
 * (or one meeting header) never creates a second row for someone it already knows. A new spelling
 * of a known name is kept as an alias.
 */
export class EntityDirectory {
  private constructor(
    private readonly manager: EntityManager,
    private readonly people: KnownEntity[],
    private readonly organizations: KnownEntity[],
  ) {}

  static async load(manager: EntityManager): Promise<EntityDirectory> {
    const rows: (KnownEntity & { kind: 'person' | 'organization' })[] = await manager.query(
      `SELECT 'person' AS kind, id, name, aliases FROM person UNION ALL SELECT 'organization', id, name, aliases FROM organization`,
    );
    const pick = (kind: string) => rows.filter((row) => row.kind === kind).map(({ id, name, aliases }) => ({ id, name, aliases }));
    return new EntityDirectory(manager, pick('person'), pick('organization'));
  }

  async person(rawName: string): Promise<string> {
    const name = displayName(rawName);
    const known = resolvePerson(name, this.people);
    if (known) {
      await this.rememberSpelling('person', known, name);
      return known.id;
    }
    const created = await this.manager.save(this.manager.create(Person, { name, aliases: [] }));
    this.people.push({ id: created.id, name, aliases: [] });
    return created.id;
  }

  async organization(rawName: string): Promise<string> {
    const name = displayName(rawName);
    const known = resolveOrganization(name, this.organizations);
    if (known) {
      await this.rememberSpelling('organization', known, name);
      return known.id;
    }
    const kind = /^(pod|spp|fod|spf)\b/i.test(name) ? OrganizationKind.ADMINISTRATION : /^(ocmw|cpas)\b/i.test(name) ? OrganizationKind.CENTRE : OrganizationKind.NETWORK;
    const created = await this.manager.save(this.manager.create(Organization, { name, aliases: [], kind, city: null, region: null }));
    this.organizations.push({ id: created.id, name, aliases: [] });
    return created.id;
  }

  private async rememberSpelling(table: 'person' | 'organization', known: KnownEntity, spelling: string): Promise<void> {
    if ([known.name, ...known.aliases].some((candidate) => candidate === spelling)) return;
    // Variants that differ only in case, accents or punctuation are not worth an alias.
    if (normalizeName(known.name) === normalizeName(spelling) && known.aliases.length > 0) return;
    known.aliases.push(spelling);
    await this.manager.query(`UPDATE ${table} SET aliases = $2, updated_at = now() WHERE id = $1`, [known.id, known.aliases]);
  }
}
