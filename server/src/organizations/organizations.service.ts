import type { DataSource, Repository } from 'typeorm';
import { OrganizationKind, Role } from '@atelier/shared';
import { Organization } from './organization.entity.js';
import { requireRole, type Actor } from '../auth/guard.js';
import { badInput, conflict, notFound } from '../common/errors.js';
import { cleanAliases, optionalText, requireOneOf, requireText } from '../common/validate.js';

export interface OrganizationInput {
  name?: string | null;
  aliases?: string[] | null;
  kind?: OrganizationKind | null;
  city?: string | null;
  region?: string | null;
}

const KINDS = [OrganizationKind.CENTRE, OrganizationKind.ADMINISTRATION, OrganizationKind.NETWORK] as const;

export class OrganizationsService {
  private readonly organizations: Repository<Organization>;

  constructor(private readonly dataSource: DataSource) {
    this.organizations = dataSource.getRepository(Organization);
  }

  list(actor: Actor | null): Promise<Organization[]> {
    requireRole(actor, Role.VIEWER);
    return this.organizations.find({ order: { name: 'ASC' } });
  }

  async get(actor: Actor | null, id: string): Promise<Organization> {
    requireRole(actor, Role.VIEWER);
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw notFound('Organization');
    return organization;
  }

  async create(actor: Actor | null, input: OrganizationInput): Promise<Organization> {
    requireRole(actor, Role.ADMIN);
    const name = requireText('name', input.name, 300);
    await this.assertNameFree(name, null);
    return this.organizations.save(
      this.organizations.create({
        name,
        aliases: cleanAliases('aliases', input.aliases),
        kind: input.kind ? requireOneOf('kind', input.kind, KINDS) : OrganizationKind.CENTRE,
        city: optionalText('city', input.city, 200),
        region: optionalText('region', input.region, 100),
      }),
    );
  }

  async update(actor: Actor | null, id: string, input: OrganizationInput): Promise<Organization> {
    requireRole(actor, Role.ADMIN);
    const organization = await this.get(actor, id);
    if (input.name != null) {
      organization.name = requireText('name', input.name, 300);
      await this.assertNameFree(organization.name, id);
    }
    if (input.aliases != null) organization.aliases = cleanAliases('aliases', input.aliases);
    if (input.kind != null) organization.kind = requireOneOf('kind', input.kind, KINDS);
    if (input.city !== undefined) organization.city = optionalText('city', input.city, 200);
    if (input.region !== undefined) organization.region = optionalText('region', input.region, 100);
    return this.organizations.save(organization);
  }

  async delete(actor: Actor | null, id: string): Promise<boolean> {
    requireRole(actor, Role.ADMIN);
    const result = await this.organizations.delete({ id });
    if (!result.affected) throw notFound('Organization');
    return true;
  }

  /** Merges `mergeId` into `keepId` (e.g. "OCMW Luik" into "CPAS Liège"): every reference moves. */
  async merge(actor: Actor | null, keepId: string, mergeId: string): Promise<Organization> {
    requireRole(actor, Role.ADMIN);
    if (keepId === mergeId) throw badInput('mergeId', { key: 'organizationMergedIntoItself' });
    return this.dataSource.transaction(async (manager) => {
      const [keep, gone] = await Promise.all([
        manager.findOneBy(Organization, { id: keepId }),
        manager.findOneBy(Organization, { id: mergeId }),
      ]);
      if (!keep) throw notFound('Organization', 'keepId');
      if (!gone) throw notFound('Organization', 'mergeId');
      await manager.query(`UPDATE attendance SET organization_id = $1 WHERE organization_id = $2`, [keepId, mergeId]);
      await manager.query(
        `INSERT INTO practice_organization (practice_id, organization_id)
           SELECT practice_id, $1 FROM practice_organization WHERE organization_id = $2 ON CONFLICT DO NOTHING`,
        [keepId, mergeId],
      );
      await manager.query(`UPDATE link SET target_id = $1 WHERE target_type = 'ORGANIZATION' AND target_id = $2`, [keepId, mergeId]);
      await manager.query(`UPDATE link SET source_id = $1 WHERE source_type = 'ORGANIZATION' AND source_id = $2`, [keepId, mergeId]);
      keep.aliases = cleanAliases('aliases', [...keep.aliases, gone.name, ...gone.aliases].filter((a) => a !== keep.name));
      await manager.delete(Organization, { id: mergeId });
      return manager.save(keep);
    });
  }

  private async assertNameFree(name: string, exceptId: string | null): Promise<void> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM organization WHERE lower(name) = lower($1)`, [name]);
    if (rows.some((row) => row.id !== exceptId)) throw conflict('name', { key: 'organizationNameTaken', params: { name } });
  }
}
