import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * A postal item id is a key callers choose: a unique index would tell a caller that an item it
 * may not see is registered. Uniqueness is checked by the record kit, against the records the
 * caller may see (a CONFLICT there), so the index becomes a plain look-up index.
 */
export class ItemIdNotUnique1764300200000 implements MigrationInterface {
  name = "ItemIdNotUnique1764300200000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "postal_item_item_id"`);
    await db.query(`CREATE INDEX "postal_item_item_id" ON "postal_item" ("item_id")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "postal_item_item_id"`);
    await db.query(`CREATE UNIQUE INDEX "postal_item_item_id" ON "postal_item" ("item_id")`);
  }
}
