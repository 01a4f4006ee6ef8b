import { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkflowAndRetention1795356910507 implements MigrationInterface {
  name = 'WorkflowAndRetention1795356910507';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "canned_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "team_id" uuid NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "language" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1df87c74d99c463b1c7fb30dc14" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "case_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "author_id" uuid NOT NULL, "text_enc" bytea NOT NULL, "text_pseudo" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_474011f166285b8da9a653af5c5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "consents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "team_id" uuid NOT NULL, "purpose" text NOT NULL, "status" text NOT NULL DEFAULT 'requested', "request_message_id" uuid, "evidence_message_id" uuid, "requested_by" uuid NOT NULL, "recorded_by" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "given_at" TIMESTAMP WITH TIME ZONE, "withdrawn_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_9efc68eb6aba7d638fb6ea034dd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "deletion_receipts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_ref" text NOT NULL, "reason" text NOT NULL, "policy" text, "counts" jsonb NOT NULL, "sweep_id" uuid, "deleted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "keep_until" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_d71c153face4e5cb92711449bd0" UNIQUE ("case_ref"), CONSTRAINT "PK_8812b5d20fbe84dce678a5414fd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "escalations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "from_team_id" uuid NOT NULL, "to_team_id" uuid NOT NULL, "from_user_id" uuid NOT NULL, "note_pseudo" text NOT NULL, "answer_pseudo" text, "status" text NOT NULL DEFAULT 'open', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_652a394609addaa4b0f2b3032a1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "legal_holds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "reason" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE, "placed_by" uuid NOT NULL, "placed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "released_by" uuid, "released_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_bbe3e0c98678909493a90442dfb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "retention_policies" ("channel" text NOT NULL, "period" text NOT NULL, "max_unanswered_age" text NOT NULL DEFAULT 'P90D', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e0d6c87ba0ca4e0f725b327a457" PRIMARY KEY ("channel"))`,
    );
    await queryRunner.query(`ALTER TABLE "messages" ADD "error_code" text`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "send_attempts" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "users" ADD "available" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "users" ADD "capacity" integer NOT NULL DEFAULT '10'`);
    // Reviewed additions: keys, checks and indexes the entities do not express; default policies.
    await queryRunner.query(
      `ALTER TABLE "canned_responses" ADD CONSTRAINT "FK_canned_responses_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_canned_responses_team" ON "canned_responses" ("team_id")`);
    await queryRunner.query(
      `ALTER TABLE "case_notes" ADD CONSTRAINT "FK_case_notes_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_case_notes_case" ON "case_notes" ("case_id", "created_at")`);
    await queryRunner.query(
      `ALTER TABLE "consents" ADD CONSTRAINT "FK_consents_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "consents" ADD CONSTRAINT "FK_consents_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "consents" ADD CONSTRAINT "CHK_consents_status" CHECK ("status" IN ('requested', 'given', 'withdrawn'))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_consents_case_team" ON "consents" ("case_id", "team_id")`);
    await queryRunner.query(
      `ALTER TABLE "deletion_receipts" ADD CONSTRAINT "CHK_deletion_receipts_reason" CHECK ("reason" IN ('retention', 'unanswered', 'erasure'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_deletion_receipts_keep_until" ON "deletion_receipts" ("keep_until")`,
    );
    await queryRunner.query(
      `ALTER TABLE "escalations" ADD CONSTRAINT "FK_escalations_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "escalations" ADD CONSTRAINT "FK_escalations_to_team" FOREIGN KEY ("to_team_id") REFERENCES "teams"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "escalations" ADD CONSTRAINT "CHK_escalations_status" CHECK ("status" IN ('open', 'answered', 'taken_over', 'closed'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_escalations_to_team" ON "escalations" ("to_team_id", "status", "created_at" DESC)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_escalations_case" ON "escalations" ("case_id")`);
    await queryRunner.query(
      `ALTER TABLE "legal_holds" ADD CONSTRAINT "FK_legal_holds_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_legal_holds_active" ON "legal_holds" ("case_id") WHERE "released_at" IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "retention_policies" ADD CONSTRAINT "CHK_retention_policies_channel" CHECK ("channel" IN ('whatsapp', 'facebook', 'linkedin'))`,
    );
    await queryRunner.query(
      `INSERT INTO "retention_policies" ("channel", "period") VALUES ('whatsapp', 'P30D'), ('facebook', 'P30D'), ('linkedin', 'P30D')`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "CHK_messages_delivery_status" CHECK ("delivery_status" IS NULL OR "delivery_status" IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'unknown'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cases_team_last" ON "cases" ("team_id", "last_message_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cases_unanswered" ON "cases" ("first_inbound_at") WHERE "answered_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_cases_unanswered"`);
    await queryRunner.query(`DROP INDEX "IDX_cases_team_last"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "CHK_messages_delivery_status"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "capacity"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "available"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "send_attempts"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "error_code"`);
    await queryRunner.query(`DROP TABLE "retention_policies"`);
    await queryRunner.query(`DROP TABLE "legal_holds"`);
    await queryRunner.query(`DROP TABLE "escalations"`);
    await queryRunner.query(`DROP TABLE "deletion_receipts"`);
    await queryRunner.query(`DROP TABLE "consents"`);
    await queryRunner.query(`DROP TABLE "case_notes"`);
    await queryRunner.query(`DROP TABLE "canned_responses"`);
  }
}
