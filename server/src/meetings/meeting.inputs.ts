import { Field, ID, InputType } from 'type-graphql';
import { AttendanceStatus, MeetingKind } from '@atelier/shared';

@InputType()
export class CreateMeetingInput {
  @Field(() => String, { description: 'YYYY-MM-DD' })
  date: string;

  @Field(() => MeetingKind)
  kind: MeetingKind;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  location?: string | null;
}

@InputType()
export class UpdateMeetingInput {
  @Field(() => String, { nullable: true })
  date?: string | null;

  @Field(() => MeetingKind, { nullable: true })
  kind?: MeetingKind | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  location?: string | null;
}

@InputType()
export class AttendanceInput {
  @Field(() => String, { description: 'The person, found by name or alias, created when new' })
  personName: string;

  @Field(() => String, { nullable: true, description: 'The organisation represented that day' })
  organizationName?: string | null;

  @Field(() => AttendanceStatus)
  status: AttendanceStatus;
}

@InputType()
export class SetAttendancesInput {
  @Field(() => ID)
  meetingId: string;

  @Field(() => [AttendanceInput])
  attendances: AttendanceInput[];
}
