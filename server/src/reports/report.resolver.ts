import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Report } from './report.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { parseId } from '../graphql/global-id.js';
import type { GraphQLContext } from '../graphql/context.js';

@Resolver(() => Report)
export class ReportResolver {
  @Query(() => Report)
  report(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Report> {
    return ctx.services.reports.get(ctx.actor, parseId('id', id, 'Report'));
  }

  @FieldResolver(() => Meeting)
  async meeting(@Root() report: Report, @Ctx() ctx: GraphQLContext): Promise<Meeting> {
    return (await ctx.loaders.meeting.load(report.meetingId))!;
  }
}
