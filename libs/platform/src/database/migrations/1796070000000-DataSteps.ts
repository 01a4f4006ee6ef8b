import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Records the data steps `npm run migrate` has applied after the schema migrations: steps that
 * need the keys (re-encrypting rows), which TypeORM migrations do not have.
 */
export class DataSteps1796070000000 implements MigrationInterface {
  name = 'DataSteps1796070000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_steps" ("name" text PRIMARY KEY, "applied_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "data_steps"`);
  }
}
