import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { toGlobalId } from '../graphql/global-id.js';

@ObjectType('Labels')
export class Labels {
  @Field(() => String)
  nl: string;

  @Field(() => String)
  fr: string;

  @Field(() => String)
  en: string;
}

@ObjectType('Theme')
@Entity('theme')
export class Theme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return toGlobalId('Theme', this.id);
  }

  @Field(() => String, { description: 'Stable key, e.g. motivation' })
  @Column({ type: 'varchar' })
  key: string;

  @Column({ type: 'varchar', name: 'label_nl' })
  labelNl: string;

  @Column({ type: 'varchar', name: 'label_fr' })
  labelFr: string;

  @Column({ type: 'varchar', name: 'label_en' })
  labelEn: string;

  @Field(() => Labels)
  get labels(): Labels {
    return { nl: this.labelNl, fr: this.labelFr, en: this.labelEn };
  }

  @Field(() => [String], { description: 'Words in any language that tag content with this theme' })
  @Column({ type: 'text', array: true })
  keywords: string[];

  @Column({ type: 'uuid', name: 'parent_id', nullable: true })
  parentId: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' })
  updatedAt: Date;
}
