import type { MigrationInterface, QueryRunner } from "typeorm";
import { ENVELOPE_COLUMNS, envelopeIndexes, MENTION_TABLE } from "../../../platform/records/index.js";

export class CreateCases1764115300000 implements MigrationInterface {
  name = "CreateCases1764115300000";

  async up(db: QueryRunner): Promise<void> {
    // "case" is an SQL keyword, hence "police_case".
    await db.query(`CREATE TABLE "police_case" (${ENVELOPE_COLUMNS},
      "status" text NOT NULL CHECK ("status" IN ('OPEN','UNDER_INVESTIGATION','REFERRED_TO_PROSECUTION','CLOSED')),
      "offences" text[] NOT NULL,
      "closed_at" date,
      "title" text NOT NULL,
      "summary" text,
      "party_roles" text[] NOT NULL DEFAULT '{}',
      "details" jsonb NOT NULL,
      CHECK ("closed_at" IS NULL OR "closed_at" >= ("occurred_at" AT TIME ZONE 'UTC')::date))`);
    for (const sql of [...envelopeIndexes("police_case"), ...MENTION_TABLE]) await db.query(sql);
    await db.query(`CREATE INDEX "police_case_status" ON "police_case" ("status")`);
    await db.query(`CREATE INDEX "police_case_offences" ON "police_case" USING gin ("offences")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "identifier_mention"`);
    await db.query(`DROP TABLE "police_case"`);
  }
}
