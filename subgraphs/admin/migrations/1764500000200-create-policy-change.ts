import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The hub database: changes proposed to policy documents, each decided once (approved by a second
 * administrator, or rejected). An approval writes the document version it became and activates the
 * set in the same transaction (platform/policy-store).
 */
export class CreatePolicyChange1764500000200 implements MigrationInterface {
  name = "CreatePolicyChange1764500000200";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE "policy_change" (
      "id" uuid PRIMARY KEY,
      "policy_id" text NOT NULL,
      "kind" text NOT NULL CHECK ("kind" IN ('edit', 'rollback')),
      "base_version" integer NOT NULL CHECK ("base_version" >= 0),
      "content" jsonb NOT NULL,
      "comment" text NOT NULL,
      "proposer_sub" text NOT NULL,
      "proposer_issuer" text NOT NULL,
      "proposer_agency" text NOT NULL,
      "status" text NOT NULL DEFAULT 'proposed' CHECK ("status" IN ('proposed', 'approved', 'rejected')),
      "set_version" text NOT NULL,
      "valid" boolean NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "decided_by_sub" text,
      "decided_by_issuer" text,
      "decided_at" timestamptz,
      "reason" text,
      "resulting_version" integer,
      CHECK (("status" = 'proposed') = ("decided_at" IS NULL)))`);
    await db.query(`CREATE INDEX "policy_change_status" ON "policy_change" ("status", "created_at")`);
    await db.query(`CREATE INDEX "policy_change_policy" ON "policy_change" ("policy_id", "created_at")`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE "policy_change"`);
  }
}
