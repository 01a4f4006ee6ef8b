import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facebook and LinkedIn: per-account settings (the Messenger human agent tag), comment cases per
 * commenter and post (thread_hash: keyed hash of the post id), where a reply must go (encrypted with
 * the case key), public/private comment replies with at most one private reply per comment, and the
 * platform's hide state of a comment.
 */
export class SocialChannels1795360000000 implements MigrationInterface {
  name = 'SocialChannels1795360000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channel_accounts" ADD "settings" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "thread_hash" bytea`);
    await queryRunner.query(
      `ALTER TABLE "messages" ADD "reply_ref_enc" bytea, ADD "visibility" text, ADD "reply_to_message_id" uuid, ADD "platform_state" text`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "CHK_messages_visibility" CHECK ("visibility" IS NULL OR "visibility" IN ('public', 'private'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "CHK_messages_platform_state" CHECK ("platform_state" IS NULL OR "platform_state" IN ('hidden'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_messages_reply_to" FOREIGN KEY ("reply_to_message_id") REFERENCES "messages"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_messages_reply_to" ON "messages" ("reply_to_message_id") WHERE "reply_to_message_id" IS NOT NULL`,
    );
    // Meta allows one Private Reply per comment; a failed attempt does not count.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_messages_private_reply" ON "messages" ("reply_to_message_id") WHERE "visibility" = 'private' AND "delivery_status" <> 'failed'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_messages_private_reply"`);
    await queryRunner.query(`DROP INDEX "IDX_messages_reply_to"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "FK_messages_reply_to"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "CHK_messages_platform_state"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "CHK_messages_visibility"`);
    await queryRunner.query(
      `ALTER TABLE "messages" DROP COLUMN "platform_state", DROP COLUMN "reply_to_message_id", DROP COLUMN "visibility", DROP COLUMN "reply_ref_enc"`,
    );
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "thread_hash"`);
    await queryRunner.query(`ALTER TABLE "channel_accounts" DROP COLUMN "settings"`);
  }
}
