import { MigrationInterface, QueryRunner } from 'typeorm';

/** The codes as they were when this migration was written; later additions get their own migration. */
const PURPOSES = [
  'answer_question',
  'diploma_evaluation',
  'application_handling',
  'finance_advice',
  'study_support',
  'housing_support',
  'complaint_handling',
  'other',
];

/**
 * A consent's purpose becomes a code from a fixed list instead of text staff typed (which could
 * name someone). Purposes typed before are kept as `other`: the text itself is dropped, so `down`
 * cannot bring it back (it only lifts the constraint).
 */
export class ConsentPurposeCodes1796060000000 implements MigrationInterface {
  name = 'ConsentPurposeCodes1796060000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const list = PURPOSES.map((p) => `'${p}'`).join(', ');
    await queryRunner.query(`UPDATE "consents" SET "purpose" = 'other' WHERE "purpose" NOT IN (${list})`);
    await queryRunner.query(
      `ALTER TABLE "consents" ADD CONSTRAINT "CHK_consents_purpose" CHECK ("purpose" IN (${list}))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "consents" DROP CONSTRAINT "CHK_consents_purpose"`);
  }
}
