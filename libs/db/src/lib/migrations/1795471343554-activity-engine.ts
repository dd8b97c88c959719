import { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivityEngine1795471343554 implements MigrationInterface {
  name = 'ActivityEngine1795471343554';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."definition_state" AS ENUM('loaded', 'invalid', 'disabled')`);
    await queryRunner.query(
      `CREATE TABLE "activity_definitions" ("id" character varying(255) NOT NULL, "source_path" text NOT NULL, "content_hash" character varying(64), "state" "public"."definition_state" NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "trigger_type" character varying(20), "errors" jsonb NOT NULL DEFAULT '[]', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9976330d37070330abbe48efb5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."trigger_kind" AS ENUM('event', 'cron', 'manual')`);
    await queryRunner.query(
      `CREATE TYPE "public"."run_status" AS ENUM('running', 'succeeded', 'failed', 'skipped', 'timed_out', 'abandoned')`,
    );
    await queryRunner.query(
      `CREATE TABLE "activity_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "definition_id" character varying(255) NOT NULL, "definition_hash" character varying(64) NOT NULL, "trigger_kind" "public"."trigger_kind" NOT NULL, "trigger_key" character varying(255) NOT NULL, "event_type" character varying(255), "status" "public"."run_status" NOT NULL, "skip_reason" text, "context" jsonb NOT NULL DEFAULT '{}', "rule" jsonb, "result" jsonb, "error" text, "replica" character varying(200), "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deadline_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "duration_ms" integer, CONSTRAINT "uq_activity_runs_definition_trigger" UNIQUE ("definition_id", "trigger_key"), CONSTRAINT "PK_02793360f5b6817d293b3288ffc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_activity_runs_status" ON "activity_runs"  ("status") `);
    await queryRunner.query(`CREATE INDEX "ix_activity_runs_started_at" ON "activity_runs"  ("started_at") `);
    await queryRunner.query(
      `CREATE TABLE "cron_schedule_state" ("definition_id" character varying(255) NOT NULL, "last_slot_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_79ac46d8a9b2c4912bb7cedba00" PRIMARY KEY ("definition_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "cron_schedule_state"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activity_runs_started_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activity_runs_status"`);
    await queryRunner.query(`DROP TABLE "activity_runs"`);
    await queryRunner.query(`DROP TYPE "public"."run_status"`);
    await queryRunner.query(`DROP TYPE "public"."trigger_kind"`);
    await queryRunner.query(`DROP TABLE "activity_definitions"`);
    await queryRunner.query(`DROP TYPE "public"."definition_state"`);
  }
}
