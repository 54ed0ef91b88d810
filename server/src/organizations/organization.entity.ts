import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { OrganizationKind } from '@atelier/shared';
import { toGlobalId } from '../graphql/global-id.js';

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });

@ObjectType('Organization', { description: 'A centre (OCMW/CPAS), an administration or a network' })
@Entity('organization')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Organization', this.id);
  }

  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Field(() => [String], { description: 'Other spellings and the name in the other language' })
  @Column({ type: 'text', array: true })
  aliases: string[];

  @Field(() => OrganizationKind)
  @Column({ type: 'varchar' })
  kind: OrganizationKind;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  city: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', nullable: true })
  region: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
