import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The hub database's policy store: every version of every policy document, the changes proposed
 * to them, and the active set every service enforces (one row, rewritten by an approval or a
 * rollback in the same transaction as its audit row; a NOTIFY on `liaison_policy` tells listeners).
 */
export class CreatePolicyStore1764500000000 implements MigrationInterface {
  name = "CreatePolicyStore1764500000000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "policy_document_version" (
      "policy_id" text NOT NULL,
      "version" integer NOT NULL CHECK ("version" > 0),
      "content" jsonb NOT NULL,
      "author" text NOT NULL,
      "author_issuer" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "comment" text NOT NULL,
      "change_id" uuid,
      PRIMARY KEY ("policy_id", "version"))`);
    await db.query(`CREATE TABLE "policy_active" (
      "id" smallint PRIMARY KEY CHECK ("id" = 1),
      "set_version" text NOT NULL,
      "rules" jsonb NOT NULL,
      "documents" jsonb NOT NULL,
      "changed_at" timestamptz NOT NULL DEFAULT now())`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "policy_active"`);
    await db.query(`DROP TABLE "policy_document_version"`);
  }
}
