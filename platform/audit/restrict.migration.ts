import type { MigrationInterface, QueryRunner } from "typeorm";
import type { AuditTable } from "./chain.js";

/*
 * INSERT-only for everyone but the table owner. In the reference deployment `<svc>_owner` owns the
 * database and runs migrations, and the runtime role `<svc>` receives SELECT, INSERT, UPDATE and
 * DELETE on every new table through default privileges: on an audit table that would let the
 * service itself (or whoever takes it over) rewrite history. Every grant of a changing privilege
 * on the table or any of its columns, whoever holds it, is revoked; SELECT and INSERT stay. The
 * owner keeps its rights (owners cannot be limited), which is why the owner role is never the one
 * the service runs as. Idempotent: running it again changes nothing.
 */

const CHANGES = "UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES";

/** One statement revoking every changing privilege on `table` from PUBLIC and from every role but its owner. */
export const revokeChanges = (table: AuditTable): string => `DO $$
DECLARE
  holder text;
BEGIN
  REVOKE ${CHANGES} ON TABLE "${table}" FROM PUBLIC CASCADE;
  FOR holder IN
    SELECT DISTINCT a.grantee::regrole::text
      FROM pg_class c
      CROSS JOIN LATERAL aclexplode(c.relacl) a
     WHERE c.oid = '"${table}"'::regclass AND a.grantee <> 0 AND a.grantee <> c.relowner
    UNION
    SELECT DISTINCT a.grantee::regrole::text
      FROM pg_attribute t
      JOIN pg_class c ON c.oid = t.attrelid
      CROSS JOIN LATERAL aclexplode(t.attacl) a
     WHERE t.attrelid = '"${table}"'::regclass AND a.grantee <> 0 AND a.grantee <> c.relowner
  LOOP
    EXECUTE format('REVOKE ${CHANGES} ON TABLE %I FROM %s CASCADE', '${table}', holder);
  END LOOP;
END $$`;

/** Each agency database: the delivery audit. */
export class RestrictAccessAudit1764400000040 implements MigrationInterface {
  name = "RestrictAccessAudit1764400000040";

  async up(db: QueryRunner): Promise<void> {
    await db.query(revokeChanges("access_audit"));
  }

  // Nothing to give back: which grants existed before is not recorded, and none should.
  async down(): Promise<void> {}
}

/** The hub database: the request audit and the anchors. */
export class RestrictHubAudit1764400000050 implements MigrationInterface {
  name = "RestrictHubAudit1764400000050";

  async up(db: QueryRunner): Promise<void> {
    await db.query(revokeChanges("request_audit"));
    await db.query(revokeChanges("audit_anchor"));
  }

  async down(): Promise<void> {}
}
