import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The hub's request audit keeps the X-Request-Id a client sent apart from the request id the
 * gateway mints: the client's value is for correlation only, never trusted as ours.
 */
export class AddRequestAuditClientId1764200200000 implements MigrationInterface {
  name = "AddRequestAuditClientId1764200200000";

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "request_audit" ADD COLUMN "client_request_id" text`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE "request_audit" DROP COLUMN "client_request_id"`);
  }
}
