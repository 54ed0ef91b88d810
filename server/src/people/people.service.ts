import type { DataSource, Repository } from 'typeorm';
import { Role } from '@atelier/shared';
import { Person } from './person.entity.js';
import { requireRole, type Actor } from '../auth/guard.js';
import { badInput, notFound } from '../common/errors.js';
import { isUuid } from '../graphql/global-id.js';
import { cleanAliases, requireText } from '../common/validate.js';

export interface UpdatePersonInput {
  name?: string | null;
  aliases?: string[] | null;
}

export class PeopleService {
  private readonly people: Repository<Person>;

  constructor(private readonly dataSource: DataSource) {
    this.people = dataSource.getRepository(Person);
  }

  list(actor: Actor | null): Promise<Person[]> {
    requireRole(actor, Role.VIEWER);
    return this.people.find({ order: { name: 'ASC' } });
  }

  async get(actor: Actor | null, id: string): Promise<Person> {
    requireRole(actor, Role.VIEWER);
    const person = await this.people.findOneBy({ id });
    if (!person) throw notFound('Person');
    return person;
  }

  async update(actor: Actor | null, id: string, input: UpdatePersonInput): Promise<Person> {
    requireRole(actor, Role.EDITOR);
    const person = await this.get(actor, id);
    if (input.name != null) person.name = requireText('name', input.name, 300);
    if (input.aliases != null) person.aliases = cleanAliases('aliases', input.aliases);
    return this.people.save(person);
  }

  async delete(actor: Actor | null, id: string): Promise<boolean> {
    requireRole(actor, Role.ADMIN);
    const result = await this.people.delete({ id });
    if (!result.affected) throw notFound('Person');
    return true;
  }

  /**
   * Merges `mergeId` into `keepId` when the machine took one person for two: attendances move
   * (a meeting where both appear keeps one row), names become aliases, the duplicate goes.
   */
  async merge(actor: Actor | null, keepId: string, mergeId: string): Promise<Person> {
    requireRole(actor, Role.ADMIN);
    if (keepId === mergeId) throw badInput('mergeId', { key: 'personMergedIntoItself' });
    return this.dataSource.transaction(async (manager) => {
      const [keep, gone] = await Promise.all([manager.findOneBy(Person, { id: keepId }), manager.findOneBy(Person, { id: mergeId })]);
      if (!keep) throw notFound('Person', 'keepId');
      if (!gone) throw notFound('Person', 'mergeId');
      await manager.query(
        `DELETE FROM attendance a USING attendance b
          WHERE a.person_id = $2 AND b.person_id = $1 AND a.meeting_id = b.meeting_id`,
        [keepId, mergeId],
      );
      await manager.query(`UPDATE attendance SET person_id = $1 WHERE person_id = $2`, [keepId, mergeId]);
      await manager.query(`UPDATE link SET target_id = $1 WHERE target_type = 'PERSON' AND target_id = $2`, [keepId, mergeId]);
      await manager.query(`UPDATE link SET source_id = $1 WHERE source_type = 'PERSON' AND source_id = $2`, [keepId, mergeId]);
      keep.aliases = cleanAliases('aliases', [...keep.aliases, gone.name, ...gone.aliases].filter((a) => a !== keep.name));
      await manager.save(keep);
      await manager.delete(Person, { id: mergeId });
      return keep;
    });
  }

  /**
   * Splits a wrongly merged person: the given attendances (and an alias, if named) move to a new
   * person called `name`.
   */
  async split(actor: Actor | null, personId: string, name: string, attendanceIds: string[]): Promise<Person> {
    requireRole(actor, Role.ADMIN);
    const newName = requireText('name', name, 300);
    return this.dataSource.transaction(async (manager) => {
      const source = await manager.findOneBy(Person, { id: personId });
      if (!source) throw notFound('Person');
      const created = await manager.save(manager.create(Person, { name: newName, aliases: [] }));
      if (!attendanceIds.every(isUuid)) throw badInput('attendanceIds', 'attendanceIds must be attendance ids');
      if (attendanceIds.length) {
        const moved: unknown[] = await manager.query(
          `WITH moved AS (UPDATE attendance SET person_id = $1 WHERE person_id = $2 AND id = ANY($3) RETURNING id) SELECT id FROM moved`,
          [created.id, personId, attendanceIds],
        );
        if (moved.length !== attendanceIds.length) throw badInput('attendanceIds', 'Some attendances do not belong to this person');
      }
      source.aliases = source.aliases.filter((alias) => alias.toLowerCase() !== newName.toLowerCase());
      await manager.save(source);
      return created;
    });
  }
}
