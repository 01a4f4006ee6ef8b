import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Revocable sessions: a per-user token version that every request checks (bumped by logout,
 * deactivation and role or team changes). Audit events gain a detail (role names, never content)
 * and the version of the chain formula that hashed them, so chains written before the keyed
 * formula keep verifying.
 */
export class SessionsAndAuditDetail1796035682652 implements MigrationInterface {
  name = 'SessionsAndAuditDetail1796035682652';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "detail" text`);
    await queryRunner.query(`ALTER TABLE "audit_events" ADD "chain_version" smallint NOT NULL DEFAULT 1`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "chain_version"`);
    await queryRunner.query(`ALTER TABLE "audit_events" DROP COLUMN "detail"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
