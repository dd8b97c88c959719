import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadLetterRedrivesAndRunReplay1796431202886 implements MigrationInterface {
  name = 'DeadLetterRedrivesAndRunReplay1796431202886';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."event_delivery" AS ENUM('jetstream', 'outbox')`);
    await queryRunner.query(
      `CREATE TABLE "dead_letter_redrives" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "delivery" "public"."event_delivery" NOT NULL, "letter_id" character varying(64) NOT NULL, "source_key" character varying(300) NOT NULL, "original_subject" character varying(255) NOT NULL, "redrive_number" integer NOT NULL, "redriven_by" character varying(200) NOT NULL, "republished_as" character varying(300) NOT NULL, "redriven_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac91b96c5aed280532be79eb8be" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_dead_letter_redrives_redriven_at" ON "dead_letter_redrives"  ("redriven_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_dead_letter_redrives_source_key" ON "dead_letter_redrives"  ("source_key") `,
    );
    await queryRunner.query(`ALTER TABLE "activity_runs" ADD "trigger_event" jsonb`);
    await queryRunner.query(`ALTER TABLE "activity_runs" ADD "replay_of" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_activity_runs_replay_of" ON "activity_runs"  ("replay_of") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_activity_runs_replay_of"`);
    await queryRunner.query(`ALTER TABLE "activity_runs" DROP COLUMN "replay_of"`);
    await queryRunner.query(`ALTER TABLE "activity_runs" DROP COLUMN "trigger_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dead_letter_redrives_source_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_dead_letter_redrives_redriven_at"`);
    await queryRunner.query(`DROP TABLE "dead_letter_redrives"`);
    await queryRunner.query(`DROP TYPE "public"."event_delivery"`);
  }
}
