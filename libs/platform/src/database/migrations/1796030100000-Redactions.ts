import { MigrationInterface, QueryRunner } from 'typeorm';

/** Spans agents mark because the anonymizer missed them; the values stay in the encrypted vault. */
export class Redactions1796030100000 implements MigrationInterface {
  name = 'Redactions1796030100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "redactions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "case_id" uuid NOT NULL, "message_id" uuid NOT NULL, "start_offset" integer NOT NULL, "end_offset" integer NOT NULL, "entity_type" text NOT NULL, "token" text NOT NULL, "created_entry" boolean NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f6322614ad1fdaf4a509886aad3" PRIMARY KEY ("id"))`,
    );
    // Reviewed additions: the marking dies with its message or case (retention, erasure, a removed comment).
    await queryRunner.query(
      `ALTER TABLE "redactions" ADD CONSTRAINT "FK_redactions_case" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "redactions" ADD CONSTRAINT "FK_redactions_message" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "redactions" ADD CONSTRAINT "CHK_redactions_span" CHECK ("start_offset" >= 0 AND "end_offset" > "start_offset")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_redactions_case" ON "redactions" ("case_id")`);
    await queryRunner.query(`CREATE INDEX "IDX_redactions_message" ON "redactions" ("message_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "redactions"`);
  }
}
