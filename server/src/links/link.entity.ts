import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type LinkNodeType = 'MEETING' | 'REPORT' | 'PRACTICE' | 'METHOD' | 'THEME' | 'PERSON' | 'ORGANIZATION';
export type LinkOrigin = 'IMPORT' | 'EDITOR' | 'MANUAL';

/** A typed edge of the knowledge graph, remembering where it came from (for backlinks). */
@Entity('link')
export class Link {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', name: 'source_type' })
  sourceType: LinkNodeType;

  @Column({ type: 'uuid', name: 'source_id' })
  sourceId: string;

  @Column({ type: 'varchar', name: 'target_type' })
  targetType: LinkNodeType;

  @Column({ type: 'uuid', name: 'target_id' })
  targetId: string;

  /** e.g. MENTIONS, USES_METHOD, ABOUT_THEME */
  @Column({ type: 'varchar' })
  relation: string;

  @Column({ type: 'varchar' })
  origin: LinkOrigin;

  @Column({ type: 'uuid', name: 'meeting_id', nullable: true })
  meetingId: string | null;

  @Column({ type: 'text', nullable: true })
  passage: string | null;

  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' })
  createdAt: Date;
}
