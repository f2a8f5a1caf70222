import { IdentifierError } from "../../../schema/identifiers/index.js";

/** Runs `fn`, which must throw an IdentifierError, and returns it so tests can assert on its fields. */
export function identifierErrorFrom(fn: () => unknown): IdentifierError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IdentifierError) return error;
    throw error;
  }
  throw new Error("expected an IdentifierError, but nothing was thrown");
}
