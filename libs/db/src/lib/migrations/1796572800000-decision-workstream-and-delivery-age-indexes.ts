// GET /decisions?workstream_id= reads a workstream's decisions off an index, and the retention DELETE each
// recorded push runs (deliveries older than WEBHOOK_DELIVERY_RETENTION_DAYS) finds them without a full scan.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class DecisionWorkstreamAndDeliveryAgeIndexes1796572800000 implements MigrationInterface {
  name = 'DecisionWorkstreamAndDeliveryAgeIndexes1796572800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_decisions_workstream_id" ON "decisions" ("workstream_id")`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_deliveries_received_at" ON "webhook_deliveries" ("received_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_webhook_deliveries_received_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_decisions_workstream_id"`);
  }
}
