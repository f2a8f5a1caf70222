import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The hub database: what the operations administration (admin subgraph) records on each joint
 * operation: who created it and when, the last change, and its closing. A closed operation stays
 * as history but counts for nobody (the registry reads only open ones). Rows registered before
 * (the demo's, SQL) get now() and no author.
 */
export class OperationAdmin1764500000300 implements MigrationInterface {
  name = "OperationAdmin1764500000300";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "joint_operation"
      ADD COLUMN "created_at" timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN "created_by" text,
      ADD COLUMN "created_by_issuer" text,
      ADD COLUMN "updated_at" timestamptz NOT NULL DEFAULT now(),
      ADD COLUMN "updated_by" text,
      ADD COLUMN "closed_at" timestamptz,
      ADD COLUMN "closed_by" text,
      ADD COLUMN "close_reason" text,
      ADD CONSTRAINT "joint_operation_closed" CHECK (("closed_at" IS NULL) = ("close_reason" IS NULL))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "joint_operation" DROP CONSTRAINT "joint_operation_closed",
      DROP COLUMN "created_at", DROP COLUMN "created_by", DROP COLUMN "created_by_issuer", DROP COLUMN "updated_at",
      DROP COLUMN "updated_by", DROP COLUMN "closed_at", DROP COLUMN "closed_by", DROP COLUMN "close_reason"`);
  }
}
