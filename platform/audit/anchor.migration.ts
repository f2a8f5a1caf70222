import type { MigrationInterface, QueryRunner } from "typeorm";
import { appendOnly } from "./migrations.js";

/** The hub database: chain heads recorded over time (itself a keyed, append-only chain). */
export class CreateAuditAnchor1764400000030 implements MigrationInterface {
  name = "CreateAuditAnchor1764400000030";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "audit_anchor" (
      "seq" bigserial PRIMARY KEY,
      "at" timestamptz NOT NULL,
      "source" text NOT NULL,
      "head_seq" bigint NOT NULL,
      "head_hash" text NOT NULL,
      "rows" bigint NOT NULL,
      "prev_hash" text NOT NULL,
      "hash" text NOT NULL)`);
    await db.query(`CREATE INDEX "audit_anchor_source" ON "audit_anchor" ("source", "seq")`);
    for (const sql of appendOnly("audit_anchor")) await db.query(sql);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "audit_anchor"`);
    await db.query(`DROP FUNCTION "audit_anchor_append_only"()`);
  }
}
