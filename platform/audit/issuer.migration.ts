import type { MigrationInterface, QueryRunner } from "typeorm";

/* Subjects are namespaced by the issuer that vouched for them: the audit records both. */

/** Each agency database: the issuer of the token of whoever was served. */
export class AddAccessAuditIssuer1764400000010 implements MigrationInterface {
  name = "AddAccessAuditIssuer1764400000010";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "access_audit" ADD COLUMN "issuer" text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "access_audit" DROP COLUMN "issuer"`);
  }
}

/** The hub database: the issuer of the caller's token, per request. */
export class AddRequestAuditIssuer1764400000020 implements MigrationInterface {
  name = "AddRequestAuditIssuer1764400000020";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "request_audit" ADD COLUMN "issuer" text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "request_audit" DROP COLUMN "issuer"`);
  }
}
