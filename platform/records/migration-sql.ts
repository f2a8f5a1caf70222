/**
 * SQL shared by every agency's first migration: the envelope columns and the mention index.
 * Migrations stay checked-in SQL; this only keeps the common part written once.
 */
export const ENVELOPE_COLUMNS = `
  "id" uuid PRIMARY KEY,
  "reference" text NOT NULL,
  "origin_agency" text NOT NULL,
  "handling" text NOT NULL CHECK ("handling" IN ('CLEAR','GREEN','AMBER','AMBER_STRICT','RED')),
  "operation_id" text,
  "source_grade" text NOT NULL CHECK ("source_grade" IN ('A','B','C','D','E','F')),
  "info_grade" smallint NOT NULL CHECK ("info_grade" BETWEEN 1 AND 6),
  "occurred_at" timestamptz NOT NULL,
  "created_at" timestamptz NOT NULL DEFAULT now(),
  "content_hash" text NOT NULL,
  "identifiers" jsonb NOT NULL DEFAULT '[]'`;

/** Indexes every record table needs: unique reference (idempotency) and the list order. */
export const envelopeIndexes = (table: string): string[] => [
  `CREATE UNIQUE INDEX "${table}_reference" ON "${table}" ("reference")`,
  `CREATE INDEX "${table}_occurred_at" ON "${table}" ("occurred_at" DESC, "id" DESC)`,
];

export const MENTION_TABLE = [
  `CREATE TABLE "identifier_mention" ("record_id" uuid NOT NULL, "kind" text NOT NULL, "value" text NOT NULL, PRIMARY KEY ("record_id", "kind", "value"))`,
  `CREATE INDEX "identifier_mention_lookup" ON "identifier_mention" ("kind", "value")`,
];
