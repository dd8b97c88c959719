import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxAndCommits1795469042099 implements MigrationInterface {
  name = 'OutboxAndCommits1795469042099';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "event_outbox" ("id" uuid NOT NULL, "subject" character varying(255) NOT NULL, "envelope" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "claimed_until" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_c8bd4a6797caa3ebad9b40c9813" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_event_outbox_published_at" ON "event_outbox"  ("published_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_event_outbox_pending" ON "event_outbox"  ("next_attempt_at") WHERE published_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "repos" ADD "last_commit_sha" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "repos" ADD "last_commit_ref" character varying(255)`);
    await queryRunner.query(`ALTER TABLE "repos" ADD "last_commit_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "repos" DROP COLUMN "last_commit_at"`);
    await queryRunner.query(`ALTER TABLE "repos" DROP COLUMN "last_commit_ref"`);
    await queryRunner.query(`ALTER TABLE "repos" DROP COLUMN "last_commit_sha"`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_outbox_pending"`);
    await queryRunner.query(`DROP INDEX "public"."ix_event_outbox_published_at"`);
    await queryRunner.query(`DROP TABLE "event_outbox"`);
  }
}
