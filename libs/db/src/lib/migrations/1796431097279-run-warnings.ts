import { MigrationInterface, QueryRunner } from 'typeorm';

export class RunWarnings1796431097279 implements MigrationInterface {
  name = 'RunWarnings1796431097279';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "activity_runs" ADD "warnings" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "activity_runs" DROP COLUMN "warnings"`);
  }
}
