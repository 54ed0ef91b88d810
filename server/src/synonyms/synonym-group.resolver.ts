import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { SynonymGroup } from './synonym-group.entity.js';
import { parseId } from '../graphql/global-id.js';
import type { GraphQLContext } from '../graphql/context.js';

@Resolver(() => SynonymGroup)
export class SynonymGroupResolver {
  @Query(() => [SynonymGroup], { description: 'The words search widens to their group, in any language' })
  synonymGroups(@Ctx() ctx: GraphQLContext): Promise<SynonymGroup[]> {
    return ctx.services.synonyms.list(ctx.actor);
  }

  @Mutation(() => SynonymGroup, { description: 'Admin: create a synonym group (no id) or replace its words' })
  saveSynonymGroup(
    @Arg('id', () => ID, { nullable: true }) id: string | null | undefined,
    @Arg('terms', () => [String]) terms: string[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<SynonymGroup> {
    return ctx.services.synonyms.save(ctx.actor, id == null ? null : parseId('id', id, 'SynonymGroup'), terms);
  }

  @Mutation(() => Boolean)
  deleteSynonymGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.synonyms.delete(ctx.actor, parseId('id', id, 'SynonymGroup'));
  }
}
