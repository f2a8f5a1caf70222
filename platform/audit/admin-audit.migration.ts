import type { MigrationInterface, QueryRunner } from "typeorm";
import { appendOnly } from "./migrations.js";
import { revokeChanges } from "./restrict.migration.js";

/**
 * The hub database: one row per administrative change (a policy proposal, approval, rejection or
 * rollback), written in the transaction of the change it records; a keyed chain, append-only and
 * INSERT-only for every role but the owner like the other audit tables. `detail` is JSON text.
 */
export class CreateAdminAudit1764500000100 implements MigrationInterface {
  name = "CreateAdminAudit1764500000100";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "admin_audit" (
      "seq" bigserial PRIMARY KEY,
      "at" timestamptz NOT NULL,
      "request_id" text NOT NULL,
      "subject" text NOT NULL,
      "issuer" text NOT NULL,
      "agency" text NOT NULL,
      "action" text NOT NULL,
      "policy_id" text,
      "change_id" text,
      "detail" text NOT NULL,
      "prev_hash" text NOT NULL,
      "hash" text NOT NULL)`);
    await db.query(`CREATE INDEX "admin_audit_policy" ON "admin_audit" ("policy_id", "seq")`);
    await db.query(`CREATE INDEX "admin_audit_subject" ON "admin_audit" ("subject", "at")`);
    for (const sql of appendOnly("admin_audit")) await db.query(sql);
    await db.query(revokeChanges("admin_audit"));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "admin_audit"`);
    await db.query(`DROP FUNCTION "admin_audit_append_only"()`);
  }
}
