import type { MigrationInterface, QueryRunner } from "typeorm";
import { ENVELOPE_COLUMNS, envelopeIndexes, MENTION_TABLE } from "../../../platform/records/index.js";

export class CreateFiuReports1764115400000 implements MigrationInterface {
  name = "CreateFiuReports1764115400000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "fiu_report" (${ENVELOPE_COLUMNS},
      "report_code" text NOT NULL,
      "entity_reference" text,
      "reason" text NOT NULL,
      "action" text,
      "indicators" text[] NOT NULL,
      "narrative" text NOT NULL,
      "max_amount" double precision,
      "details" jsonb NOT NULL)`);
    for (const sql of [...envelopeIndexes("fiu_report"), ...MENTION_TABLE]) await db.query(sql);
    await db.query(`CREATE INDEX "fiu_report_code" ON "fiu_report" ("report_code", "occurred_at" DESC)`);
    await db.query(`CREATE INDEX "fiu_report_indicators" ON "fiu_report" USING gin ("indicators")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "identifier_mention"`);
    await db.query(`DROP TABLE "fiu_report"`);
  }
}
