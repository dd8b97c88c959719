// Open tasks in the order of GET /next-steps (priority, age, position, id), so its page is read off the index.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class NextStepsIndex1796508927815 implements MigrationInterface {
  name = 'NextStepsIndex1796508927815';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_tasks_next_steps" ON "tasks"  ("priority", "created_at", "position", "id") WHERE status IN ('todo', 'in_progress')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_tasks_next_steps"`);
  }
}
