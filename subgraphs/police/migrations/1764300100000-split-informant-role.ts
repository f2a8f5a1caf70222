import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Source protection: informant roles leave `party_roles` (which filters read on behalf of other
 * agencies) for a column of their own that reveals `Case.informants` only.
 */
export class SplitInformantRole1764300100000 implements MigrationInterface {
  name = "SplitInformantRole1764300100000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "police_case" ADD COLUMN "has_informants" boolean NOT NULL DEFAULT false`);
    await db.query(`UPDATE "police_case" SET "has_informants" = 'INFORMANT' = ANY("party_roles"), "party_roles" = array_remove("party_roles", 'INFORMANT')`);
    await db.query(`CREATE INDEX "police_case_party_roles" ON "police_case" USING gin ("party_roles")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX "police_case_party_roles"`);
    await db.query(`UPDATE "police_case" SET "party_roles" = array_append("party_roles", 'INFORMANT') WHERE "has_informants"`);
    await db.query(`ALTER TABLE "police_case" DROP COLUMN "has_informants"`);
  }
}
