/** Thrown when a bearer token cannot be trusted; the message is safe to show the caller. */
export class AuthenticationError extends Error {}

/*
 * What a caller learns from a refusal. Unknown issuer, wrong key, wrong algorithm and a
 * tampered token all get the same answer, so nobody can probe which issuers are trusted; only
 * a token that verified may hear more (expired, a bad claim).
 */
export const TOKEN_MALFORMED = "token is malformed";
export const TOKEN_NOT_VALID = "token is not valid";
