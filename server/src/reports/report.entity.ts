import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';

/** The report of a meeting: its body is a Yjs document edited live through /collab/<documentName>. */
@ObjectType('Report')
@Entity('report')
export class Report {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Report', this.id);
  }

  @Column({ type: 'uuid', name: 'meeting_id' })
  meetingId: string;

  @Field(() => String, { description: 'URL-safe name of the collaboration document' })
  @Column({ type: 'varchar', name: 'document_name' })
  documentName: string;

  @Column({ type: 'bytea', name: 'ydoc_state', nullable: true, select: false })
  ydocState: Buffer | null;

  @Column({ type: 'bigint', name: 'snapshot_seq', select: false })
  snapshotSeq: string;

  @Field(() => String, { description: 'The current plain text of the report' })
  @Column({ type: 'text' })
  text: string;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @Field(() => Date)
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
