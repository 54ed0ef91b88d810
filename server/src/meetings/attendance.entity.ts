import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { AttendanceStatus } from '@atelier/shared';

registerEnumType(AttendanceStatus, { name: 'AttendanceStatus' });

/** A person at a meeting, with the organisation they represented that day. */
@ObjectType('Attendance')
@Entity('attendance')
export class Attendance {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', name: 'meeting_id' })
  meetingId: string;

  @Column({ type: 'uuid', name: 'person_id' })
  personId: string;

  @Column({ type: 'uuid', name: 'organization_id', nullable: true })
  organizationId: string | null;

  @Field(() => AttendanceStatus)
  @Column({ type: 'varchar' })
  status: AttendanceStatus;
}
