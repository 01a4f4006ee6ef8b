import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795355838663 implements MigrationInterface {
  name = 'Initial1795355838663';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" BIGSERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "action" text NOT NULL, "object_type" text NOT NULL, "object_id" text, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "cases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" text NOT NULL, "channel_account_id" uuid NOT NULL, "contact_id" uuid NOT NULL, "team_id" uuid NOT NULL, "assignee_id" uuid, "status" text NOT NULL DEFAULT 'open', "data_key_id" uuid NOT NULL, "topic" text, "language" text, "first_inbound_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_message_at" TIMESTAMP WITH TIME ZONE NOT NULL, "first_response_at" TIMESTAMP WITH TIME ZONE, "answered_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "retention_period" text, "notice_version" text, "retain_until" TIMESTAMP WITH TIME ZONE, "legal_hold" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_264acb3048c240fb89aa34626db" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "channel_accounts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" text NOT NULL, "external_id" text NOT NULL, "name" text NOT NULL, "team_id" uuid NOT NULL, "app_secret_enc" bytea NOT NULL, "verify_token_enc" bytea, "access_token_enc" bytea NOT NULL, "retention_period" text, "allowlist" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b23fdcb822c5261260a4c88041e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "contacts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" text NOT NULL, "channel_account_id" uuid NOT NULL, "external_hash" bytea NOT NULL, "data_key_id" uuid NOT NULL, "external_id_enc" bytea NOT NULL, "display_name_enc" bytea, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "data_keys" ("id" uuid NOT NULL, "wrapped" bytea NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_75e186bab00acc0d8f955b75cbb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "inbound_events" ("id" BIGSERIAL NOT NULL, "channel_account_id" uuid NOT NULL, "external_hash" bytea NOT NULL, "kind" text NOT NULL, "payload_enc" bytea, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b76e26fa0121da742b191b7ded0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "channel_account_id" uuid NOT NULL, "direction" text NOT NULL, "external_hash" bytea, "message_type" text NOT NULL DEFAULT 'text', "text_enc" bytea NOT NULL, "text_pseudo" text NOT NULL, "entities" jsonb NOT NULL DEFAULT '[]', "special" jsonb NOT NULL DEFAULT '[]', "delivery_status" text, "author_id" uuid, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "job_name" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "pseudonyms" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "token" text NOT NULL, "entity_type" text NOT NULL, "value_enc" bytea NOT NULL, CONSTRAINT "PK_2206f97076b35cb2c644e26949f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "teams" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_48c0c32e6247a2de155baeaf980" UNIQUE ("name"), CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "name" text NOT NULL, "role" text NOT NULL, "team_id" uuid, "password_hash" text NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );

    // Reviewed additions: keys, lookups and integrity the entities do not express.
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_users_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "CHK_users_role" CHECK ("role" IN ('agent', 'team_lead', 'manager', 'privacy_officer', 'admin'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "channel_accounts" ADD CONSTRAINT "FK_channel_accounts_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "channel_accounts" ADD CONSTRAINT "CHK_channel_accounts_channel" CHECK ("channel" IN ('whatsapp', 'facebook', 'linkedin'))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_channel_accounts_external" ON "channel_accounts" ("channel", "external_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "contacts" ADD CONSTRAINT "FK_contacts_account" FOREIGN KEY ("channel_account_id") REFERENCES "channel_accounts"("id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_contacts_external" ON "contacts" ("channel_account_id", "external_hash")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_contacts_channel_hash" ON "contacts" ("channel", "external_hash")`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_account" FOREIGN KEY ("channel_account_id") REFERENCES "channel_accounts"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_contact" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_team" FOREIGN KEY ("team_id") REFERENCES "teams"("id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_assignee" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "CHK_cases_status" CHECK ("status" IN ('open', 'answered', 'closed'))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cases_team_status_last" ON "cases" ("team_id", "status", "last_message_at" DESC, "id")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_cases_contact_status" ON "cases" ("contact_id", "status")`);
    await queryRunner.query(
      `CREATE INDEX "IDX_cases_retain_until" ON "cases" ("retain_until") WHERE "retain_until" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "FK_messages_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "CHK_messages_direction" CHECK ("direction" IN ('in', 'out'))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_messages_external" ON "messages" ("channel_account_id", "external_hash") WHERE "external_hash" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_messages_case_sent" ON "messages" ("case_id", "sent_at", "id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "pseudonyms" ADD CONSTRAINT "FK_pseudonyms_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_pseudonyms_case_token" ON "pseudonyms" ("case_id", "token")`,
    );
    await queryRunner.query(
      `ALTER TABLE "inbound_events" ADD CONSTRAINT "FK_inbound_events_account" FOREIGN KEY ("channel_account_id") REFERENCES "channel_accounts"("id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_inbound_events_external" ON "inbound_events" ("channel_account_id", "external_hash")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "UQ_inbound_events_external"`);
    await queryRunner.query(`ALTER TABLE "inbound_events" DROP CONSTRAINT "FK_inbound_events_account"`);
    await queryRunner.query(`DROP INDEX "UQ_pseudonyms_case_token"`);
    await queryRunner.query(`ALTER TABLE "pseudonyms" DROP CONSTRAINT "FK_pseudonyms_case"`);
    await queryRunner.query(`DROP INDEX "IDX_messages_case_sent"`);
    await queryRunner.query(`DROP INDEX "UQ_messages_external"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "CHK_messages_direction"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "FK_messages_case"`);
    await queryRunner.query(`DROP INDEX "IDX_cases_retain_until"`);
    await queryRunner.query(`DROP INDEX "IDX_cases_contact_status"`);
    await queryRunner.query(`DROP INDEX "IDX_cases_team_status_last"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "CHK_cases_status"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_assignee"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_team"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_contact"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_account"`);
    await queryRunner.query(`DROP INDEX "IDX_contacts_channel_hash"`);
    await queryRunner.query(`DROP INDEX "UQ_contacts_external"`);
    await queryRunner.query(`ALTER TABLE "contacts" DROP CONSTRAINT "FK_contacts_account"`);
    await queryRunner.query(`DROP INDEX "UQ_channel_accounts_external"`);
    await queryRunner.query(`ALTER TABLE "channel_accounts" DROP CONSTRAINT "CHK_channel_accounts_channel"`);
    await queryRunner.query(`ALTER TABLE "channel_accounts" DROP CONSTRAINT "FK_channel_accounts_team"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "CHK_users_role"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_users_team"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "teams"`);
    await queryRunner.query(`DROP TABLE "pseudonyms"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP TABLE "inbound_events"`);
    await queryRunner.query(`DROP TABLE "data_keys"`);
    await queryRunner.query(`DROP TABLE "contacts"`);
    await queryRunner.query(`DROP TABLE "channel_accounts"`);
    await queryRunner.query(`DROP TABLE "cases"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
  }
}
