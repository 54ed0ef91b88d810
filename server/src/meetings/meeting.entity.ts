import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { MeetingKind } from '@atelier/shared';
import { toGlobalId } from '../graphql/global-id.js';

registerEnumType(MeetingKind, { name: 'MeetingKind' });

@ObjectType('Meeting')
@Entity('meeting')
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Meeting', this.id);
  }

  @Field(() => String, { description: 'ISO date YYYY-MM-DD' })
  @Column({ type: 'date' })
  date: string;

  @Field(() => MeetingKind)
  @Column({ type: 'varchar' })
  kind: MeetingKind;

  @Field(() => String)
  @Column({ type: 'varchar' })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', name: 'title_nl', nullable: true })
  titleNl: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', name: 'title_fr', nullable: true })
  titleFr: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  location: string | null;

  @Field(() => String, { nullable: true, description: 'The file this meeting was imported from' })
  @Column({ type: 'varchar', name: 'source_file', nullable: true })
  sourceFile: string | null;

  @Column({ type: 'varchar', name: 'source_hash', nullable: true })
  sourceHash: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
