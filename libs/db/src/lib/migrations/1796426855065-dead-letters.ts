import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeadLetters1796426855065 implements MigrationInterface {
  name = 'DeadLetters1796426855065';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dead_letters" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "source_key" character varying(300) NOT NULL, "original_subject" character varying(255) NOT NULL, "reason" text NOT NULL, "payload" bytea NOT NULL, "payload_truncated" boolean NOT NULL DEFAULT false, "payload_bytes" integer, "delivery_count" integer, "redrive_count" integer NOT NULL DEFAULT '0', "dead_lettered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_084e63809483fb0a9c48aae607f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_dead_letters_source_key" ON "dead_letters"  ("source_key") `);
    await queryRunner.query(`CREATE INDEX "ix_dead_letters_dead_lettered_at" ON "dead_letters"  ("dead_lettered_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_dead_letters_dead_lettered_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_dead_letters_source_key"`);
    await queryRunner.query(`DROP TABLE "dead_letters"`);
  }
}
