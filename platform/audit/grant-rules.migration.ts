import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Each agency database: which consent or break-glass grants let a delivery through (null when none),
 * so reviewers find every use of a grant. Appended and nullable: earlier rows still hash as written.
 */
export class AddAccessAuditGrantRules1764500000410 implements MigrationInterface {
  name = "AddAccessAuditGrantRules1764500000410";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "access_audit" ADD COLUMN "grant_rules" text[]`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "access_audit" DROP COLUMN "grant_rules"`);
  }
}
