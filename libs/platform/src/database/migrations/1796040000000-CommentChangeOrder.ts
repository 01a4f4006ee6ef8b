import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a comment was last edited, hidden or unhidden on the platform: webhook batches are filed
 * concurrently, so an older change that is filed later must not overwrite a newer one.
 */
export class CommentChangeOrder1796040000000 implements MigrationInterface {
  name = 'CommentChangeOrder1796040000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "messages" ADD "edited_at" TIMESTAMP WITH TIME ZONE, ADD "platform_state_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "messages" DROP COLUMN "platform_state_at", DROP COLUMN "edited_at"`,
    );
  }
}
