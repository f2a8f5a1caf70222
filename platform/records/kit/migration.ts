import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The record kit's second migration, run in every agency database after the agency's own first
 * one: records carry their author, and idempotency is per author and reference (a reference
 * another author used is no key to a record this author may not see).
 */
export function recordAuthorshipMigration(table: string): new () => MigrationInterface {
  return class RecordAuthorship1764300000000 implements MigrationInterface {
    name = "RecordAuthorship1764300000000";

    async up(db: QueryRunner): Promise<void> {
      await db.query(`ALTER TABLE "${table}"
        ADD COLUMN "author_sub" text NOT NULL DEFAULT 'unknown',
        ADD COLUMN "author_agency" text NOT NULL DEFAULT 'unknown',
        ADD COLUMN "author_request_id" text NOT NULL DEFAULT 'unknown'`);
      await db.query(`DROP INDEX "${table}_reference"`);
      await db.query(`CREATE UNIQUE INDEX "${table}_author_reference" ON "${table}" ("author_sub", "reference")`);
      await db.query(`CREATE INDEX "${table}_reference" ON "${table}" ("reference")`);
    }

    async down(db: QueryRunner): Promise<void> {
      await db.query(`DROP INDEX "${table}_reference"`);
      await db.query(`DROP INDEX "${table}_author_reference"`);
      await db.query(`CREATE UNIQUE INDEX "${table}_reference" ON "${table}" ("reference")`);
      await db.query(`ALTER TABLE "${table}" DROP COLUMN "author_sub", DROP COLUMN "author_agency", DROP COLUMN "author_request_id"`);
    }
  };
}
