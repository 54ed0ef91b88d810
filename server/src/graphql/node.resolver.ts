import { Arg, Ctx, ID, Query, Resolver, createUnionType } from 'type-graphql';
import { Meeting } from '../meetings/meeting.entity.js';
import { Person } from '../people/person.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Theme } from '../themes/theme.entity.js';
import { Method } from '../methods/method.entity.js';
import { Practice } from '../practices/practice.entity.js';
import { Report } from '../reports/report.entity.js';
import { fromGlobalId } from './global-id.js';
import { badInput } from '../common/errors.js';
import type { GraphQLContext } from './context.js';

const NODE_TYPES = [Meeting, Person, Organization, Theme, Method, Practice, Report] as const;

export const NodeUnion = createUnionType({
  name: 'Node',
  description: 'Anything with an opaque global id',
  types: () => NODE_TYPES,
  resolveType: (value) => NODE_TYPES.find((type) => value instanceof type)?.name,
});

@Resolver()
export class NodeResolver {
  @Query(() => NodeUnion, { nullable: true, description: 'Resolves any opaque global id' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<typeof NodeUnion | null> {
    const parsed = fromGlobalId(String(id));
    if (!parsed || parsed.type === null) throw badInput('id', 'id is not a global id');
    const { actor, services } = ctx;
    const run = async (): Promise<typeof NodeUnion | null> => {
      switch (parsed.type) {
        case 'Meeting': return services.meetings.get(actor, parsed.id);
        case 'Person': return services.people.get(actor, parsed.id);
        case 'Organization': return services.organizations.get(actor, parsed.id);
        case 'Practice': return services.practices.get(actor, parsed.id);
        case 'Report': return services.reports.get(actor, parsed.id);
        case 'Theme': return services.themes.getById(actor, parsed.id);
        case 'Method': return services.methods.getById(actor, parsed.id);
        default: throw badInput('id', 'id is not a global id');
      }
    };
    return run();
  }
}
