import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages whose anonymization ran out of its time budget: their pseudonymized text is a
 * placeholder (fail closed), and the owning team's agents see this flag.
 */
export class MessageWithheld1796030000000 implements MigrationInterface {
  name = 'MessageWithheld1796030000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" ADD "withheld" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "withheld"`);
  }
}
