import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxClaimIndex1795470544359 implements MigrationInterface {
  name = 'OutboxClaimIndex1795470544359';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_event_outbox_pending"`);
    await queryRunner.query(
      `CREATE INDEX "ix_event_outbox_pending_order" ON "event_outbox"  ("created_at", "id") WHERE published_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_event_outbox_pending_order"`);
    await queryRunner.query(
      `CREATE INDEX "ix_event_outbox_pending" ON "event_outbox" USING btree ("next_attempt_at") WHERE (published_at IS NULL)`,
    );
  }
}
