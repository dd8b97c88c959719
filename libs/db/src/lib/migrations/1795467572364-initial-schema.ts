import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795467572364 implements MigrationInterface {
  name = 'InitialSchema1795467572364';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "domains" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b4a77e435045f33cadaed67e28f" UNIQUE ("slug"), CONSTRAINT "PK_05a6b087662191c2ea7f7ddfc4d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."repo_status" AS ENUM('active', 'archived')`);
    await queryRunner.query(
      `CREATE TABLE "repos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slug" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "domain_id" uuid NOT NULL, "remote_url" text, "local_path" text, "default_branch" character varying(200) NOT NULL DEFAULT 'main', "status" "public"."repo_status" NOT NULL DEFAULT 'active', "last_synced_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_4094d90a4492f3667bde8b48ac1" UNIQUE ("slug"), CONSTRAINT "PK_50f4cdbc4e114515f41760400ba" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."workstream_status" AS ENUM('draft', 'active', 'blocked', 'completed', 'archived')`,
    );
    await queryRunner.query(
      `CREATE TABLE "workstreams" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "repo_id" uuid NOT NULL, "workplan_id" character varying(64) NOT NULL, "title" text NOT NULL, "domain_id" uuid, "status" "public"."workstream_status" NOT NULL DEFAULT 'draft', "owner" character varying(200), "source_path" text, "extra" jsonb NOT NULL DEFAULT '{}'::jsonb, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_workstreams_repo_workplan" UNIQUE ("repo_id", "workplan_id"), CONSTRAINT "PK_4537fd32f0afc72db3adc425806" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_workstreams_status" ON "workstreams"  ("status") `);
    await queryRunner.query(`CREATE TYPE "public"."decision_status" AS ENUM('open', 'resolved')`);
    await queryRunner.query(
      `CREATE TABLE "decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "domain_id" uuid NOT NULL, "repo_id" uuid, "workstream_id" uuid, "title" text NOT NULL, "context" text, "status" "public"."decision_status" NOT NULL DEFAULT 'open', "resolution" text, "resolved_by" character varying(200), "resolved_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_48eee6fa229cd5e43648f6a2ec3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_decisions_status" ON "decisions"  ("status") `);
    await queryRunner.query(
      `CREATE TYPE "public"."goal_status" AS ENUM('proposed', 'active', 'achieved', 'abandoned')`,
    );
    await queryRunner.query(
      `CREATE TABLE "domain_goals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "domain_id" uuid NOT NULL, "title" text NOT NULL, "description" text, "status" "public"."goal_status" NOT NULL DEFAULT 'proposed', "activated_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8f4aceec6c305251b6c03d75f16" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_domain_goals_domain_status" ON "domain_goals"  ("domain_id", "status") `);
    await queryRunner.query(
      `CREATE TYPE "public"."task_status" AS ENUM('todo', 'in_progress', 'blocked', 'done', 'cancelled')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."task_priority" AS ENUM('critical', 'high', 'medium', 'low')`);
    await queryRunner.query(
      `CREATE TABLE "tasks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "workstream_id" uuid NOT NULL, "task_key" character varying(100) NOT NULL, "title" text NOT NULL, "status" "public"."task_status" NOT NULL DEFAULT 'todo', "priority" "public"."task_priority" NOT NULL DEFAULT 'medium', "position" integer NOT NULL DEFAULT '0', "extra" jsonb NOT NULL DEFAULT '{}'::jsonb, "started_at" TIMESTAMP WITH TIME ZONE, "completed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_tasks_workstream_task_key" UNIQUE ("workstream_id", "task_key"), CONSTRAINT "PK_8d12ff38fcc62aaba2cab748772" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_tasks_status_priority" ON "tasks"  ("status", "priority") `);
    await queryRunner.query(
      `CREATE TABLE "progress_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "repo_id" uuid, "workstream_id" uuid, "task_id" uuid, "event_type" character varying(100) NOT NULL, "summary" text NOT NULL, "detail" jsonb NOT NULL DEFAULT '{}'::jsonb, "actor" character varying(200), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_561ad8503ba3440d8c7cc1fdb48" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_progress_events_type_occurred_at" ON "progress_events"  ("event_type", "occurred_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_progress_events_occurred_at" ON "progress_events"  ("occurred_at") `);
    await queryRunner.query(
      `ALTER TABLE "repos" ADD CONSTRAINT "FK_b8d301d7725356cd532d30084e2" FOREIGN KEY ("domain_id") REFERENCES "domains"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workstreams" ADD CONSTRAINT "FK_4f245ecbd495589b8d6c24acc32" FOREIGN KEY ("repo_id") REFERENCES "repos"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workstreams" ADD CONSTRAINT "FK_f8313a5f1435b470d8bc26cbf0a" FOREIGN KEY ("domain_id") REFERENCES "domains"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "decisions" ADD CONSTRAINT "FK_623eb33cae9c8cb16bde46b39df" FOREIGN KEY ("domain_id") REFERENCES "domains"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "decisions" ADD CONSTRAINT "FK_32e63e7187542e6a823abc465f2" FOREIGN KEY ("repo_id") REFERENCES "repos"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "decisions" ADD CONSTRAINT "FK_e2d244ff4f6c1355ffbeeab72ba" FOREIGN KEY ("workstream_id") REFERENCES "workstreams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "domain_goals" ADD CONSTRAINT "FK_e469077421408d8cf53d9cb893b" FOREIGN KEY ("domain_id") REFERENCES "domains"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tasks" ADD CONSTRAINT "FK_234ebbca13238b91b82d2b03f6d" FOREIGN KEY ("workstream_id") REFERENCES "workstreams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_events" ADD CONSTRAINT "FK_18ccb52e2ab6a1c5960c35a147e" FOREIGN KEY ("repo_id") REFERENCES "repos"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_events" ADD CONSTRAINT "FK_57fd38cdb6b2e3ba8a3d72713cf" FOREIGN KEY ("workstream_id") REFERENCES "workstreams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_events" ADD CONSTRAINT "FK_2ccc3800d34e86411f6a8b573e5" FOREIGN KEY ("task_id") REFERENCES "tasks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "progress_events" DROP CONSTRAINT "FK_2ccc3800d34e86411f6a8b573e5"`);
    await queryRunner.query(`ALTER TABLE "progress_events" DROP CONSTRAINT "FK_57fd38cdb6b2e3ba8a3d72713cf"`);
    await queryRunner.query(`ALTER TABLE "progress_events" DROP CONSTRAINT "FK_18ccb52e2ab6a1c5960c35a147e"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP CONSTRAINT "FK_234ebbca13238b91b82d2b03f6d"`);
    await queryRunner.query(`ALTER TABLE "domain_goals" DROP CONSTRAINT "FK_e469077421408d8cf53d9cb893b"`);
    await queryRunner.query(`ALTER TABLE "decisions" DROP CONSTRAINT "FK_e2d244ff4f6c1355ffbeeab72ba"`);
    await queryRunner.query(`ALTER TABLE "decisions" DROP CONSTRAINT "FK_32e63e7187542e6a823abc465f2"`);
    await queryRunner.query(`ALTER TABLE "decisions" DROP CONSTRAINT "FK_623eb33cae9c8cb16bde46b39df"`);
    await queryRunner.query(`ALTER TABLE "workstreams" DROP CONSTRAINT "FK_f8313a5f1435b470d8bc26cbf0a"`);
    await queryRunner.query(`ALTER TABLE "workstreams" DROP CONSTRAINT "FK_4f245ecbd495589b8d6c24acc32"`);
    await queryRunner.query(`ALTER TABLE "repos" DROP CONSTRAINT "FK_b8d301d7725356cd532d30084e2"`);
    await queryRunner.query(`DROP INDEX "public"."ix_progress_events_occurred_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_progress_events_type_occurred_at"`);
    await queryRunner.query(`DROP TABLE "progress_events"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tasks_status_priority"`);
    await queryRunner.query(`DROP TABLE "tasks"`);
    await queryRunner.query(`DROP TYPE "public"."task_priority"`);
    await queryRunner.query(`DROP TYPE "public"."task_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_domain_goals_domain_status"`);
    await queryRunner.query(`DROP TABLE "domain_goals"`);
    await queryRunner.query(`DROP TYPE "public"."goal_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_decisions_status"`);
    await queryRunner.query(`DROP TABLE "decisions"`);
    await queryRunner.query(`DROP TYPE "public"."decision_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_workstreams_status"`);
    await queryRunner.query(`DROP TABLE "workstreams"`);
    await queryRunner.query(`DROP TYPE "public"."workstream_status"`);
    await queryRunner.query(`DROP TABLE "repos"`);
    await queryRunner.query(`DROP TYPE "public"."repo_status"`);
    await queryRunner.query(`DROP TABLE "domains"`);
  }
}
