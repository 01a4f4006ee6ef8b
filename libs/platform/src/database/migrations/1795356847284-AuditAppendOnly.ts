import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail can only grow: updates, deletes and truncation are refused by the database itself. */
export class AuditAppendOnly1795356847284 implements MigrationInterface {
  name = 'AuditAppendOnly1795356847284';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_head" ("id" smallint PRIMARY KEY CHECK ("id" = 1), "hash" text NOT NULL)`,
    );
    await queryRunner.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "TRG_audit_events_no_update" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "TRG_audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_events_object" ON "audit_events" ("object_type", "object_id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_audit_events_object"`);
    await queryRunner.query(`DROP TRIGGER "TRG_audit_events_no_truncate" ON "audit_events"`);
    await queryRunner.query(`DROP TRIGGER "TRG_audit_events_no_update" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query(`DROP TABLE "audit_head"`);
  }
}
