import type { MigrationInterface, QueryRunner } from "typeorm";
import { ENVELOPE_COLUMNS, envelopeIndexes, MENTION_TABLE } from "../../../platform/records/index.js";

export class CreateSeizures1764115200000 implements MigrationInterface {
  name = "CreateSeizures1764115200000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "seizure" (${ENVELOPE_COLUMNS},
      "country" char(2) NOT NULL,
      "place" text NOT NULL,
      "place_type" text NOT NULL,
      "transport_mode" text NOT NULL,
      "detection_method" text NOT NULL,
      "concealment_method" text,
      "geo_lat" double precision,
      "geo_lon" double precision,
      "areas" text[] NOT NULL,
      "commodity_codes" text[] NOT NULL,
      "officer_notes" text,
      "details" jsonb NOT NULL)`);
    for (const sql of [...envelopeIndexes("seizure"), ...MENTION_TABLE]) await db.query(sql);
    await db.query(`CREATE INDEX "seizure_country_mode" ON "seizure" ("country", "transport_mode")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "identifier_mention"`);
    await db.query(`DROP TABLE "seizure"`);
  }
}
