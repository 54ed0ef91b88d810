import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';
import { Labels } from '../themes/theme.entity.js';

@ObjectType('Method', { description: 'A way of working (check-in, World Café, TOPOI ...) defined once, linked everywhere' })
@Entity('method')
export class Method {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Method', this.id);
  }

  @Field(() => String)
  @Column({ type: 'varchar' })
  key: string;

  @Field(() => String)
  @Column({ type: 'varchar' })
  name: string;

  @Field(() => [String])
  @Column({ type: 'text', array: true })
  aliases: string[];

  @Field(() => String, { description: 'In English; `descriptions` has it in every language' })
  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text', name: 'description_nl' })
  descriptionNl: string;

  @Column({ type: 'text', name: 'description_fr' })
  descriptionFr: string;

  @Field(() => Labels, { description: 'The description in Dutch, French and English (empty where not written yet)' })
  get descriptions(): Labels {
    return { nl: this.descriptionNl, fr: this.descriptionFr, en: this.description };
  }

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
