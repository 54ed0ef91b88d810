import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { SearchFilter, SearchHit, SearchResult } from './search.types.js';
import { Meeting } from '../meetings/meeting.entity.js';
import type { GraphQLContext } from '../graphql/context.js';

@Resolver(() => SearchResult)
export class SearchResolver {
  @Query(() => SearchResult, { description: 'Good practices, report sections, methods, meetings, people and centres; Dutch or French, with or without accents, with typos. query: at most 500 characters.' })
  search(
    @Arg('query', () => String) query: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => SearchFilter, { nullable: true }) filter?: SearchFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('language', () => String, { nullable: true, description: 'Language of facet labels: nl, fr or en' }) language?: string | null,
  ): Promise<SearchResult> {
    return ctx.services.search.search(ctx.actor, query, filter, first, after, language ?? 'nl') as Promise<SearchResult>;
  }
}

@Resolver(() => SearchHit)
export class SearchHitResolver {
  @FieldResolver(() => Meeting, { nullable: true })
  meeting(@Root() hit: SearchHit, @Ctx() ctx: GraphQLContext): Promise<Meeting | null> | null {
    return hit.meetingId ? ctx.loaders.meeting.load(hit.meetingId) : null;
  }
}
