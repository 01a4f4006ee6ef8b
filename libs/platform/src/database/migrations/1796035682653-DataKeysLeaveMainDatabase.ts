import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data keys now live in the key store (KEYS_DATABASE_URL), so the main database's backups never
 * hold them. `npm run migrate` moves an older install's keys there before this runs; this refuses
 * to drop a table that still holds keys. Down recreates the table empty (the keys stay in the key
 * store).
 */
export class DataKeysLeaveMainDatabase1796035682653 implements MigrationInterface {
  name = 'DataKeysLeaveMainDatabase1796035682653';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const [{ n }]: { n: number }[] = await queryRunner.query(`SELECT count(*)::int AS n FROM "data_keys"`);
    if (n > 0) {
      throw new Error(
        `data_keys still holds ${n} keys: run npm run migrate, which moves them to KEYS_DATABASE_URL first`,
      );
    }
    await queryRunner.query(`DROP TABLE "data_keys"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_keys" ("id" uuid NOT NULL, "wrapped" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_75e186bab00acc0d8f955b75cbb" PRIMARY KEY ("id"))`,
    );
  }
}
