import type { IdentifierKind } from "./kinds.js";

/**
 * Thrown for any invalid identifier; `reason` is a short human sentence naming the problem,
 * e.g. "IBAN checksum is invalid", "S10 check digit should be 5, got 3".
 */
export class IdentifierError extends Error {
  readonly kind: IdentifierKind;
  readonly input: string;
  readonly reason: string;

  constructor(kind: IdentifierKind, input: string, reason: string) {
    // The raw input is kept on `input` but left out of `message`: messages end up in logs and
    // GraphQL error payloads, and an identifier under investigation must not leak that way.
    super(`invalid ${kind}: ${reason}`);
    this.name = "IdentifierError";
    this.kind = kind;
    this.input = input;
    this.reason = reason;
  }
}
