import type { MigrationInterface, QueryRunner } from "typeorm";
import { ENVELOPE_COLUMNS, envelopeIndexes, MENTION_TABLE } from "../../../platform/records/index.js";

export class CreatePostalItems1764115500000 implements MigrationInterface {
  name = "CreatePostalItems1764115500000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "postal_item" (${ENVELOPE_COLUMNS},
      "item_id" text NOT NULL,
      "category" text NOT NULL,
      "gross_weight_kg" double precision NOT NULL CHECK ("gross_weight_kg" > 0),
      "total_value" double precision NOT NULL CHECK ("total_value" >= 0),
      "currency" char(3) NOT NULL,
      "office_of_origin" text NOT NULL,
      "origin_country" char(2) NOT NULL,
      "destination_country" char(2) NOT NULL,
      "sender_country" char(2) NOT NULL,
      "details" jsonb NOT NULL)`);
    for (const sql of [...envelopeIndexes("postal_item"), ...MENTION_TABLE]) await db.query(sql);
    // One row per S10 item: a second reference for the same item is refused (CONFLICT), not stored.
    await db.query(`CREATE UNIQUE INDEX "postal_item_item_id" ON "postal_item" ("item_id")`);
    await db.query(`CREATE INDEX "postal_item_destination" ON "postal_item" ("destination_country", "category")`);
    await db.query(`CREATE INDEX "postal_item_origin" ON "postal_item" ("origin_country")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "identifier_mention"`);
    await db.query(`DROP TABLE "postal_item"`);
  }
}
