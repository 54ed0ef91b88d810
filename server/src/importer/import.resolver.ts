import { Arg, Ctx, Field, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Meeting } from '../meetings/meeting.entity.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { ImportResult } from './import.service.js';

@ObjectType('ImportReportResult')
export class ImportReportResult {
  @Field(() => String, { description: 'CREATED, UPDATED (a corrected version) or UNCHANGED (imported before)' })
  status: string;

  @Field(() => Meeting)
  meeting: Meeting;

  @Field(() => Int)
  attendances: number;

  @Field(() => Int)
  practices: number;

  @Field(() => Int)
  methodMentions: number;

  @Field(() => [String])
  warnings: string[];
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReportResult, { description: 'Imports one meeting report (plain text as in the corpus); idempotent' })
  async importReport(
    @Arg('filename', () => String) filename: string,
    @Arg('text', () => String) text: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ImportReportResult> {
    const result: ImportResult = await ctx.services.importer.importReport(ctx.actor, filename, text);
    const meeting = await ctx.services.meetings.get(ctx.actor, result.meetingId);
    return { ...result, meeting };
  }
}
