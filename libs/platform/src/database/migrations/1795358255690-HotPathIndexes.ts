import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the ingest hot path, found by the ingest benchmark: round-robin assignment counted
 * each agent's cases with a sequential scan, and the recovery sweep scanned all inbound events.
 */
export class HotPathIndexes1795358255690 implements MigrationInterface {
  name = 'HotPathIndexes1795358255690';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_cases_assignee_status" ON "cases" ("assignee_id", "status") WHERE "assignee_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_inbound_events_unprocessed" ON "inbound_events" ("id") WHERE "processed_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_inbound_events_unprocessed"`);
    await queryRunner.query(`DROP INDEX "IDX_cases_assignee_status"`);
  }
}
