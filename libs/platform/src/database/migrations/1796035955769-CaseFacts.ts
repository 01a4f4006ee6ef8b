import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anonymous report facts, one per answered or closed case, and the sealed week cubes reports are
 * answered from. The only link from a case to its fact is `cases.fact_id`: it goes when the case
 * row goes, and nothing in `case_facts` points back (no case, contact or user id, no timestamp
 * finer than the ISO week).
 */
export class CaseFacts1796035955769 implements MigrationInterface {
  name = 'CaseFacts1796035955769';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "case_facts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "week_start" date NOT NULL, "channel" text NOT NULL, "language" text NOT NULL, "topic" text NOT NULL, "sentiment" text NOT NULL, "first_response_minutes" integer, "resolution_minutes" integer, "escalated" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_case_facts" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_facts" ADD CONSTRAINT "CHK_case_facts_week_start" CHECK (extract(isodow FROM "week_start") = 1)`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_facts" ADD CONSTRAINT "CHK_case_facts_channel" CHECK ("channel" IN ('whatsapp', 'facebook', 'linkedin'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_facts" ADD CONSTRAINT "CHK_case_facts_language" CHECK ("language" IN ('nl', 'en', 'other'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_facts" ADD CONSTRAINT "CHK_case_facts_topic" CHECK ("topic" IN ('admission', 'application', 'open_day', 'tuition', 'student_finance', 'housing', 'programme', 'schedule', 'international', 'accessibility', 'other'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "case_facts" ADD CONSTRAINT "CHK_case_facts_sentiment" CHECK ("sentiment" IN ('negative', 'neutral', 'positive'))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_case_facts_week" ON "case_facts" ("week_start")`);
    await queryRunner.query(`ALTER TABLE "cases" ADD "fact_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "cases" ADD CONSTRAINT "FK_cases_fact" FOREIGN KEY ("fact_id") REFERENCES "case_facts"("id") ON DELETE SET NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_cases_fact" ON "cases" ("fact_id") WHERE "fact_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "report_weeks" ("week_start" date NOT NULL, "min_cell" integer NOT NULL, "cube" jsonb NOT NULL, "sealed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_report_weeks" PRIMARY KEY ("week_start"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_weeks"`);
    await queryRunner.query(`DROP INDEX "UQ_cases_fact"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP CONSTRAINT "FK_cases_fact"`);
    await queryRunner.query(`ALTER TABLE "cases" DROP COLUMN "fact_id"`);
    await queryRunner.query(`DROP TABLE "case_facts"`);
  }
}
