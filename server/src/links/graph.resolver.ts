import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { Graph } from './graph.types.js';
import type { GraphQLContext } from '../graphql/context.js';

@Resolver()
export class GraphResolver {
  @Query(() => Graph, { description: 'The knowledge graph around one entity, for walking it' })
  graph(
    @Arg('nodeId', () => ID) nodeId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('depth', () => Int, { nullable: true }) depth?: number | null,
    @Arg('limit', () => Int, { nullable: true }) limit?: number | null,
  ): Promise<Graph> {
    return ctx.services.graph.neighbourhood(ctx.actor, nodeId, depth ?? 1, limit ?? 150);
  }
}
