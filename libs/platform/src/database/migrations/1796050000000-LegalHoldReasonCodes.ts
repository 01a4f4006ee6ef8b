import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A legal hold's reason is a code from a fixed list; what staff add in their own words is an
 * optional note, stored with identifiers replaced. Existing free-text reasons become the note of
 * an `other` hold (they already passed through the anonymizer when placed).
 */
export class LegalHoldReasonCodes1796050000000 implements MigrationInterface {
  name = 'LegalHoldReasonCodes1796050000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "legal_holds" RENAME COLUMN "reason" TO "note"`);
    await queryRunner.query(`ALTER TABLE "legal_holds" ALTER COLUMN "note" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "legal_holds" ADD "reason_code" text NOT NULL DEFAULT 'other'
         CONSTRAINT "CHK_legal_holds_reason_code"
         CHECK ("reason_code" IN ('complaint', 'legal_proceedings', 'regulator_request', 'internal_investigation', 'other'))`,
    );
    await queryRunner.query(`ALTER TABLE "legal_holds" ALTER COLUMN "reason_code" DROP DEFAULT`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "legal_holds" SET "note" = "reason_code" WHERE "note" IS NULL`);
    await queryRunner.query(`ALTER TABLE "legal_holds" DROP COLUMN "reason_code"`);
    await queryRunner.query(`ALTER TABLE "legal_holds" ALTER COLUMN "note" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "legal_holds" RENAME COLUMN "note" TO "reason"`);
  }
}
