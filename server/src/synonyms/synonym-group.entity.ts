import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';

@ObjectType('SynonymGroup', { description: 'Words that search takes to mean the same, in any language' })
@Entity('synonym_group')
export class SynonymGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('SynonymGroup', this.id);
  }

  @Field(() => [String], { description: 'A search for any of them finds what mentions the others' })
  @Column({ type: 'text', array: true })
  terms: string[];

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
