import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge graph. Plain SQL so the same statements run on PostgreSQL and on PGlite.
 * Names are lower-case snake_case; every id is a UUID from pgcrypto.
 */
export class InitialSchema1732000000000 implements MigrationInterface {
  name = 'InitialSchema1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(320) NOT NULL,
        name varchar(200) NOT NULL DEFAULT '',
        password_hash text NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('ADMIN','EDITOR','VIEWER')),
        token_version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))`);

    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(300) NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        kind varchar(20) NOT NULL DEFAULT 'CENTRE' CHECK (kind IN ('CENTRE','ADMINISTRATION','NETWORK')),
        city varchar(200),
        region varchar(100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX organization_name_key ON organization (lower(name))`);

    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(300) NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX person_name_idx ON person (lower(name))`);

    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        date date NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('MEETING','EXCHANGE','ONLINE')),
        title varchar(500) NOT NULL,
        title_nl varchar(500),
        title_fr varchar(500),
        location varchar(500),
        source_file varchar(500),
        source_hash varchar(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meeting_date_idx ON meeting (date DESC)`);

    await q.query(`
      CREATE TABLE attendance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        organization_id uuid REFERENCES organization(id) ON DELETE SET NULL,
        status varchar(16) NOT NULL CHECK (status IN ('PRESENT','EXCUSED')),
        UNIQUE (meeting_id, person_id)
      )`);
    await q.query(`CREATE INDEX attendance_person_idx ON attendance (person_id)`);
    await q.query(`CREATE INDEX attendance_org_idx ON attendance (organization_id)`);

    await q.query(`
      CREATE TABLE theme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key varchar(100) NOT NULL UNIQUE,
        label_nl varchar(200) NOT NULL,
        label_fr varchar(200) NOT NULL,
        label_en varchar(200) NOT NULL,
        keywords text[] NOT NULL DEFAULT '{}',
        parent_id uuid REFERENCES theme(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE method (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key varchar(100) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        description text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE practice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title varchar(500) NOT NULL,
        description text NOT NULL DEFAULT '',
        meeting_id uuid REFERENCES meeting(id) ON DELETE CASCADE,
        section varchar(500),
        source_passage text,
        anchor jsonb,
        origin varchar(16) NOT NULL DEFAULT 'MANUAL' CHECK (origin IN ('IMPORT','EDITOR','MANUAL')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX practice_meeting_idx ON practice (meeting_id)`);
    await q.query(`CREATE INDEX practice_created_idx ON practice (created_at, id)`);

    await q.query(`
      CREATE TABLE practice_theme (
        practice_id uuid NOT NULL REFERENCES practice(id) ON DELETE CASCADE,
        theme_id uuid NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
        PRIMARY KEY (practice_id, theme_id)
      )`);
    await q.query(`CREATE INDEX practice_theme_theme_idx ON practice_theme (theme_id)`);
    await q.query(`
      CREATE TABLE practice_organization (
        practice_id uuid NOT NULL REFERENCES practice(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
        PRIMARY KEY (practice_id, organization_id)
      )`);
    await q.query(`CREATE INDEX practice_org_org_idx ON practice_organization (organization_id)`);
    await q.query(`
      CREATE TABLE practice_method (
        practice_id uuid NOT NULL REFERENCES practice(id) ON DELETE CASCADE,
        method_id uuid NOT NULL REFERENCES method(id) ON DELETE CASCADE,
        PRIMARY KEY (practice_id, method_id)
      )`);
    await q.query(`CREATE INDEX practice_method_method_idx ON practice_method (method_id)`);

    await q.query(`
      CREATE TABLE report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        meeting_id uuid NOT NULL UNIQUE REFERENCES meeting(id) ON DELETE CASCADE,
        document_name varchar(200) NOT NULL UNIQUE,
        ydoc_state bytea,
        snapshot_seq bigint NOT NULL DEFAULT 0,
        text text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Append-only log of Yjs updates: written before any update is relayed (see collab/).
    await q.query(`
      CREATE TABLE report_update (
        seq bigserial PRIMARY KEY,
        document_name varchar(200) NOT NULL,
        update bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX report_update_doc_idx ON report_update (document_name, seq)`);

    await q.query(`
      CREATE TABLE report_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_name varchar(200) NOT NULL,
        name varchar(200),
        automatic boolean NOT NULL DEFAULT true,
        state bytea NOT NULL,
        text text NOT NULL DEFAULT '',
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX report_version_doc_idx ON report_version (document_name, created_at DESC)`);

    // The typed edges of the knowledge graph, with where each came from (backlinks read this table).
    await q.query(`
      CREATE TABLE link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_type varchar(20) NOT NULL,
        source_id uuid NOT NULL,
        target_type varchar(20) NOT NULL,
        target_id uuid NOT NULL,
        relation varchar(30) NOT NULL,
        origin varchar(16) NOT NULL CHECK (origin IN ('IMPORT','EDITOR','MANUAL')),
        meeting_id uuid REFERENCES meeting(id) ON DELETE CASCADE,
        passage text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX link_source_idx ON link (source_type, source_id)`);
    await q.query(`CREATE INDEX link_target_idx ON link (target_type, target_id)`);
    await q.query(`CREATE INDEX link_meeting_idx ON link (meeting_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'link', 'report_version', 'report_update', 'report', 'practice_method', 'practice_organization',
      'practice_theme', 'practice', 'method', 'theme', 'attendance', 'meeting', 'person', 'organization', 'app_user',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
