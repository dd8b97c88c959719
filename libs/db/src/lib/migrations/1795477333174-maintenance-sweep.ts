import { MigrationInterface, QueryRunner } from 'typeorm';

export class MaintenanceSweep1795477333174 implements MigrationInterface {
  name = 'MaintenanceSweep1795477333174';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."workplan_file_status" AS ENUM('synced', 'error', 'orphaned')`);
    await queryRunner.query(
      `CREATE TABLE "workplan_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "repo_id" uuid NOT NULL, "path" text NOT NULL, "status" "public"."workplan_file_status" NOT NULL, "workstream_id" uuid, "content_hash" character varying(64), "commit_sha" character varying(64), "error" text, "warnings" jsonb NOT NULL DEFAULT '[]', "last_parsed_at" TIMESTAMP WITH TIME ZONE, "last_seen_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_workplan_files_repo_path" UNIQUE ("repo_id", "path"), CONSTRAINT "PK_05d0b93bc0b05a187d28bb313fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_workplan_files_status" ON "workplan_files"  ("status") `);
    await queryRunner.query(`ALTER TABLE "workstreams" ADD "file_status" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "tasks" ADD "file_status" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "tasks" ADD "stale_flagged_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "workplan_files" ADD CONSTRAINT "FK_357ed69546fa6aaa2d226d09864" FOREIGN KEY ("repo_id") REFERENCES "repos"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "workplan_files" ADD CONSTRAINT "FK_69a90275d3d0e885aee0654f43f" FOREIGN KEY ("workstream_id") REFERENCES "workstreams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "workplan_files" DROP CONSTRAINT "FK_69a90275d3d0e885aee0654f43f"`);
    await queryRunner.query(`ALTER TABLE "workplan_files" DROP CONSTRAINT "FK_357ed69546fa6aaa2d226d09864"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "stale_flagged_at"`);
    await queryRunner.query(`ALTER TABLE "tasks" DROP COLUMN "file_status"`);
    await queryRunner.query(`ALTER TABLE "workstreams" DROP COLUMN "file_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_workplan_files_status"`);
    await queryRunner.query(`DROP TABLE "workplan_files"`);
    await queryRunner.query(`DROP TYPE "public"."workplan_file_status"`);
  }
}
