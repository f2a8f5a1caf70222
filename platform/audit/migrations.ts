import type { MigrationInterface, QueryRunner } from "typeorm";
import type { AuditTable } from "./chain.js";

const COMMON = `
  "seq" bigserial PRIMARY KEY,
  "at" timestamptz NOT NULL,
  "request_id" text NOT NULL,
  "subject" text NOT NULL,
  "agency" text NOT NULL,
  "purpose" text NOT NULL,
  "justification" text,`;

/** Refuses every change but INSERT, so the audit can only grow. */
export const appendOnly = (table: AuditTable): string[] => [
  `CREATE FUNCTION "${table}_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
  `CREATE TRIGGER "${table}_no_change" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "${table}_append_only"()`,
  `CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "${table}_append_only"()`,
];

/** Each agency database: one row per entity served (who saw which fields of which record, why, under which policy). */
export class CreateAccessAudit1764200000000 implements MigrationInterface {
  name = "CreateAccessAudit1764200000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "access_audit" (${COMMON}
      "entity_type" text NOT NULL,
      "entity_id" text NOT NULL,
      "fields_served" text[] NOT NULL,
      "fields_denied" text[] NOT NULL,
      "fields_masked" text[] NOT NULL,
      "policy_version" text NOT NULL,
      "prev_hash" text NOT NULL,
      "hash" text NOT NULL)`);
    await db.query(`CREATE INDEX "access_audit_entity" ON "access_audit" ("entity_type", "entity_id")`);
    await db.query(`CREATE INDEX "access_audit_subject" ON "access_audit" ("subject", "at")`);
    for (const sql of appendOnly("access_audit")) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "access_audit"`);
    await db.query(`DROP FUNCTION "access_audit_append_only"()`);
  }
}

/** The hub database: one row per request through the gateway. */
export class CreateRequestAudit1764200100000 implements MigrationInterface {
  name = "CreateRequestAudit1764200100000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "request_audit" (${COMMON}
      "operation_name" text,
      "root_fields" text[] NOT NULL,
      "outcome" text NOT NULL,
      "error_codes" text[] NOT NULL,
      "policy_version" text NOT NULL,
      "prev_hash" text NOT NULL,
      "hash" text NOT NULL)`);
    await db.query(`CREATE INDEX "request_audit_subject" ON "request_audit" ("subject", "at")`);
    for (const sql of appendOnly("request_audit")) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "request_audit"`);
    await db.query(`DROP FUNCTION "request_audit_append_only"()`);
  }
}
