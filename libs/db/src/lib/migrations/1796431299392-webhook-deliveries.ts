import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhookDeliveries1796431299392 implements MigrationInterface {
  name = 'WebhookDeliveries1796431299392';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "webhook_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "host" character varying(16) NOT NULL, "delivery_id" character varying(200) NOT NULL, "ref" character varying(255) NOT NULL, "sha" character varying(64) NOT NULL, "repo_slugs" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_535dd409947fb6d8fc6dfc0112a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_webhook_deliveries_host_delivery" ON "webhook_deliveries"  ("host", "delivery_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_webhook_deliveries_host_delivery"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
  }
}
