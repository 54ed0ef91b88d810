import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';

export type PracticeOrigin = 'IMPORT' | 'EDITOR' | 'MANUAL';

@ObjectType('Practice', { description: 'A good practice or lesson, with the passage it came from' })
@Entity('practice')
export class Practice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Practice', this.id);
  }

  @Field(() => String)
  @Column({ type: 'varchar' })
  title: string;

  @Field(() => String)
  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'uuid', name: 'meeting_id', nullable: true })
  meetingId: string | null;

  @Field(() => String, { nullable: true, description: 'The heading path of the report section' })
  @Column({ type: 'varchar', nullable: true })
  section: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', name: 'source_passage', nullable: true })
  sourcePassage: string | null;

  /** A Yjs relative position range in the report, for practices captured in the editor. */
  @Column({ type: 'jsonb', nullable: true })
  anchor: unknown;

  @Field(() => String)
  @Column({ type: 'varchar' })
  origin: PracticeOrigin;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
