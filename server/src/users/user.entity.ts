import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '@atelier/shared';
import { toGlobalId } from '../graphql/global-id.js';

registerEnumType(Role, { name: 'Role', description: 'ADMIN: coordinator; EDITOR: writes; VIEWER: reads' });

@ObjectType('User')
@Entity('app_user')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('User', this.id);
  }

  @Field(() => String)
  @Column({ type: 'varchar' })
  email: string;

  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Column({ type: 'text', name: 'password_hash', select: false })
  passwordHash: string;

  @Field(() => Role)
  @Column({ type: 'varchar' })
  role: Role;

  /** Bumped on role change or deletion: tokens carrying an older version are refused. */
  @Column({ type: 'integer', name: 'token_version' })
  tokenVersion: number;

  @Field(() => Date)
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
