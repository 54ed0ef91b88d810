import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Meeting } from './meeting.entity.js';
import { Attendance } from './attendance.entity.js';
import { CreateMeetingInput, SetAttendancesInput, UpdateMeetingInput } from './meeting.inputs.js';
import { Person } from '../people/person.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Practice } from '../practices/practice.entity.js';
import { Method } from '../methods/method.entity.js';
import { Report } from '../reports/report.entity.js';
import { parseId } from '../graphql/global-id.js';
import type { GraphQLContext } from '../graphql/context.js';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => [Meeting], { description: 'Every meeting, newest first' })
  meetings(@Ctx() ctx: GraphQLContext): Promise<Meeting[]> {
    return ctx.services.meetings.list(ctx.actor);
  }

  @Query(() => Meeting)
  meeting(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Meeting> {
    return ctx.services.meetings.get(ctx.actor, parseId('id', id, 'Meeting'));
  }

  @Mutation(() => Meeting, { description: 'Creates a meeting and its (empty) report' })
  createMeeting(@Arg('input', () => CreateMeetingInput) input: CreateMeetingInput, @Ctx() ctx: GraphQLContext): Promise<Meeting> {
    return ctx.services.meetings.create(ctx.actor, input);
  }

  @Mutation(() => Meeting)
  updateMeeting(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateMeetingInput) input: UpdateMeetingInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Meeting> {
    return ctx.services.meetings.update(ctx.actor, parseId('id', id, 'Meeting'), input);
  }

  @Mutation(() => Boolean)
  deleteMeeting(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    return ctx.services.meetings.delete(ctx.actor, parseId('id', id, 'Meeting'));
  }

  @Mutation(() => Meeting, { description: 'Replaces who was present and excused (the meeting header); names resolve to known people and centres' })
  async setAttendances(@Arg('input', () => SetAttendancesInput) input: SetAttendancesInput, @Ctx() ctx: GraphQLContext): Promise<Meeting> {
    const meetingId = parseId('meetingId', input.meetingId, 'Meeting');
    await ctx.services.attendances.replace(ctx.actor, meetingId, input.attendances);
    return ctx.services.meetings.get(ctx.actor, meetingId);
  }

  @FieldResolver(() => [Attendance])
  attendances(@Root() meeting: Meeting, @Ctx() ctx: GraphQLContext): Promise<Attendance[]> {
    return ctx.loaders.attendancesByMeeting.load(meeting.id);
  }

  @FieldResolver(() => [Practice])
  practices(@Root() meeting: Meeting, @Ctx() ctx: GraphQLContext): Promise<Practice[]> {
    return ctx.loaders.practicesByMeeting.load(meeting.id);
  }

  @FieldResolver(() => [Method], { description: 'Methods mentioned in or linked from this meeting' })
  methods(@Root() meeting: Meeting, @Ctx() ctx: GraphQLContext): Promise<Method[]> {
    return ctx.loaders.methodsByMeeting.load(meeting.id);
  }

  @FieldResolver(() => Report, { nullable: true })
  report(@Root() meeting: Meeting, @Ctx() ctx: GraphQLContext): Promise<Report | null> {
    return ctx.loaders.reportByMeeting.load(meeting.id);
  }
}

@Resolver(() => Attendance)
export class AttendanceResolver {
  @FieldResolver(() => Person)
  async person(@Root() attendance: Attendance, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return (await ctx.loaders.person.load(attendance.personId))!;
  }

  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() attendance: Attendance, @Ctx() ctx: GraphQLContext): Promise<Organization | null> | null {
    return attendance.organizationId ? ctx.loaders.organization.load(attendance.organizationId) : null;
  }

  @FieldResolver(() => Meeting)
  async meeting(@Root() attendance: Attendance, @Ctx() ctx: GraphQLContext): Promise<Meeting> {
    return (await ctx.loaders.meeting.load(attendance.meetingId))!;
  }
}
