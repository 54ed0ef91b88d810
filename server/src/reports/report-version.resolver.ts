import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Report } from './report.entity.js';
import { parseId, toGlobalId } from '../graphql/global-id.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { ReportVersionRow } from '../collab/versions.js';

@ObjectType('ReportVersion', { description: 'A saved state of a report: automatic while people edit, or named on demand' })
export class ReportVersion {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => Boolean)
  automatic: boolean;

  @Field(() => String, { description: 'The plain text of the report at that moment' })
  text: string;

  @Field(() => Date)
  createdAt: Date;
}

function toVersion(row: ReportVersionRow): ReportVersion {
  return { ...row, id: toGlobalId('ReportVersion', row.id) };
}

@Resolver(() => Report)
export class ReportVersionResolver {
  @FieldResolver(() => [ReportVersion], { description: 'Newest first' })
  async versions(@Root() report: Report, @Ctx() ctx: GraphQLContext): Promise<ReportVersion[]> {
    return (await ctx.services.versions.list(ctx.actor, report.documentName)).map(toVersion);
  }

  @Query(() => ReportVersion)
  async reportVersion(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ReportVersion> {
    return toVersion(await ctx.services.versions.get(ctx.actor, parseId('id', id, 'ReportVersion')));
  }

  @Mutation(() => ReportVersion, { description: 'Saves the report as it is now, under a name' })
  async createReportVersion(
    @Arg('reportId', () => ID) reportId: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('name', () => String, { nullable: true }) name?: string | null,
  ): Promise<ReportVersion> {
    const report = await ctx.services.reports.get(ctx.actor, parseId('reportId', reportId, 'Report'));
    return toVersion(await ctx.services.versions.create(ctx.actor, report.documentName, name ?? null));
  }

  @Mutation(() => ReportVersion, { description: 'Brings a version back as a new change on top of the current text' })
  async restoreReportVersion(@Arg('versionId', () => ID) versionId: string, @Ctx() ctx: GraphQLContext): Promise<ReportVersion> {
    return toVersion(await ctx.services.versions.restore(ctx.actor, parseId('versionId', versionId, 'ReportVersion')));
  }
}
