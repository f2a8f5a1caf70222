import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTokenVerifier, loadOrCreateDevKeys, mintDevToken, type TokenVerifier } from "../../platform/auth/index.js";
import { loadConfig, type LiaisonConfig } from "../../platform/config.js";

let dir: string;
let config: LiaisonConfig;
let verify: TokenVerifier;
let devKey: CryptoKey;
let devKid: string;
let p384: CryptoKey;
const claims = { agency: "POLICE", roles: ["analyst"], clearance: 2, operations: [] };
const now = () => Math.floor(Date.now() / 1000);

/** A token with the given payload fields, signed by `key` (the dev key unless said otherwise). */
function sign(fields: JWTPayload, options: { key?: CryptoKey; alg?: string; header?: Record<string, unknown> } = {}): Promise<string> {
  const payload: JWTPayload = { ...claims, sub: "tester", iss: config.devIssuer, aud: config.audience, iat: now(), exp: now() + 600, ...fields };
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
  const header = { alg: options.alg ?? "ES256", ...(options.key ? {} : { kid: devKid }), ...options.header };
  for (const [k, v] of Object.entries(header)) if (v === undefined) delete header[k as keyof typeof header];
  return new SignJWT(payload).setProtectedHeader(header as { alg: string }).sign(options.key ?? devKey);
}

const refusal = async (token: string) => verify(token).then(() => "accepted", (error: Error) => error.message);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-auth-"));
  const pair = await generateKeyPair("ES384", { extractable: true });
  p384 = pair.privateKey;
  await writeFile(path.join(dir, "p384.pem"), await exportSPKI(pair.publicKey));
  const issuers = [{ issuer: "customs-idp", publicKeyFile: path.join(dir, "p384.pem"), agency: "CUSTOMS", algorithms: ["ES384"] }];
  config = loadConfig({ LIAISON_DATA_DIR: dir, JWT_ISSUERS: JSON.stringify(issuers) });
  ({ privateKey: devKey, kid: devKid } = await loadOrCreateDevKeys(dir));
  verify = await createTokenVerifier(config);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("token verification", () => {
  it("accepts a dev token", async () => {
    const subject = await verify(await mintDevToken(config, { sub: "a-1", ...claims }));
    expect(subject).toEqual({ sub: "a-1", agency: "POLICE", roles: ["analyst"], clearance: 2, operations: [], issuer: "liaison-dev" });
  });

  it("says a token is malformed only when it is not a JWS of JSON parts", async () => {
    expect(await refusal("abc")).toBe("token is malformed");
    expect(await refusal("a.b")).toBe("token is malformed");
    expect(await refusal(`${Buffer.from("{}").toString("base64url")}.${Buffer.from("not json").toString("base64url")}.sig`)).toBe("token is malformed");
    expect(await refusal(`${Buffer.from("{}").toString("base64url")}.${Buffer.from("[1]").toString("base64url")}.sig`)).toBe("token is malformed");
  });

  it("gives one answer for an unknown issuer and a bad signature from a trusted one, dev or not", async () => {
    const { privateKey: stranger } = await generateKeyPair("ES256");
    const strangerP384 = (await generateKeyPair("ES384")).privateKey;
    const answers = [
      await refusal(await sign({ iss: "nobody-we-know" }, { key: stranger })),
      await refusal(await sign({ iss: "nobody-we-know" })),
      await refusal(await sign({ iss: undefined })),
      await refusal(await sign({}, { key: stranger })),
      await refusal(await sign({ iss: "customs-idp", agency: "CUSTOMS" }, { key: strangerP384, alg: "ES384" })),
    ];
    expect(answers).toEqual(Array(5).fill("token is not valid"));
  });

  it("reports expiry only once the signature verified", async () => {
    const { privateKey: stranger } = await generateKeyPair("ES256");
    expect(await refusal(await sign({ iat: now() - 600, exp: now() - 300 }, { key: stranger }))).toBe("token is not valid");
    expect(await refusal(await sign({ iat: now() - 600, exp: now() - 300 }))).toBe("token has expired");
  });

  it("allows 30 seconds of clock skew, not more", async () => {
    expect(await refusal(await sign({ exp: now() - 20 }))).toBe("accepted");
    expect(await refusal(await sign({ exp: now() - 45 }))).toBe("token has expired");
    expect(await refusal(await sign({ iat: now() + 20 }))).toBe("accepted");
    expect(await refusal(await sign({ nbf: now() + 60 }))).toBe('token claim "nbf" is invalid');
  });

  it("requires iat and refuses a token issued more than the maximum age ago, whatever its expiry", async () => {
    expect(await refusal(await sign({ iat: undefined }))).toBe('token claim "iat" is invalid');
    expect(await refusal(await sign({ iat: now() - 25 * 3600, exp: now() + 3600 }))).toBe("token has expired");
    expect(await refusal(await sign({ iat: now() - 23 * 3600, exp: now() + 3600 }))).toBe("accepted");
  });

  it("accepts only each issuer's own algorithms", async () => {
    expect(await refusal(await sign({ iss: "customs-idp", agency: "CUSTOMS" }, { key: p384, alg: "ES384" }))).toBe("accepted");
    const secret = new TextEncoder().encode("s".repeat(32));
    const hmac = await new SignJWT({ ...claims, sub: "x", iss: config.devIssuer, aud: config.audience, iat: now(), exp: now() + 60 })
      .setProtectedHeader({ alg: "HS256" })
      .sign(secret);
    expect(await refusal(hmac)).toBe("token is not valid");
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ ...claims, sub: "x", iss: config.devIssuer, aud: config.audience, iat: now(), exp: now() + 60 })).toString("base64url");
    expect(await refusal(`${header}.${body}.`)).toBe("token is malformed");
    expect(await refusal(`${header}.${body}.AAAA`)).toBe("token is not valid");
  });

  it("refuses a subject too long or spanning lines, and unbounded role or operation lists", async () => {
    const subjectMessage = "token subject must be at most 200 characters, without control characters";
    expect(await refusal(await sign({ sub: "s".repeat(201) }))).toBe(subjectMessage);
    expect(await refusal(await sign({ sub: "ok\n[gateway] forged" }))).toBe(subjectMessage);
    expect(await refusal(await sign({ sub: "s".repeat(200) }))).toBe("accepted");
    expect(await refusal(await sign({ roles: Array(33).fill("analyst") }))).toBe("token roles claim must be a list of role names");
    expect(await refusal(await sign({ operations: Array(65).fill("OP-X") }))).toBe("token operations claim must be a list of operation ids");
  });

  it("refuses a lone surrogate, C1 controls, line separators and bidi controls in the subject", async () => {
    const subjectMessage = "token subject must be at most 200 characters, without control characters";
    for (const sub of ["officer\uD800", "\uDC00officer", "a\u0085b", "a\u2028b", "admin\u202Egro", "a\u2066b"]) {
      expect(await refusal(await sign({ sub })), JSON.stringify(sub)).toBe(subjectMessage);
    }
    expect(await refusal(await sign({ sub: "agent-😀-ö" }))).toBe("accepted");
  });

  it("refuses a lifetime beyond the maximum token age, and an iat in the future", async () => {
    expect(await refusal(await sign({ exp: 1e300 }))).toBe("token lifetime exceeds the maximum token age");
    expect(await refusal(await sign({ iat: now(), exp: now() + 24 * 3600 + 1 }))).toBe("token lifetime exceeds the maximum token age");
    expect(await refusal(await sign({ iat: now() + 10 * 365 * 24 * 3600, exp: now() + 10 * 365 * 24 * 3600 + 60 }))).toBe('token claim "iat" is invalid');
  });

  it("checks kid and typ: the dev key verifies only tokens naming it, and a gateway token is no user token", async () => {
    expect(await refusal(await sign({}, { header: { kid: undefined } }))).toBe("token is not valid");
    expect(await refusal(await sign({}, { header: { kid: "another-key" } }))).toBe("token is not valid");
    expect(await refusal(await sign({}, { header: { typ: "liaison-gateway+jwt" } }))).toBe("token is not valid");
    expect(await refusal(await sign({}, { header: { typ: "dpop+jwt" } }))).toBe("token is not valid");
    expect(await refusal(await sign({}, { header: { typ: "JWT" } }))).toBe("accepted");
    expect(await refusal(await sign({}, { header: { typ: "at+jwt" } }))).toBe("accepted");
  });

  it("refuses a token for another audience, or none", async () => {
    expect(await refusal(await sign({ aud: "another-hub" }))).toBe('token claim "aud" is invalid');
    expect(await refusal(await sign({ aud: undefined }))).toBe('token claim "aud" is invalid');
    expect(await refusal(await sign({ aud: [config.audience, "another-hub"] }))).toBe("accepted");
  });

  it("keeps an issuer bound to its agency", async () => {
    expect(await refusal(await sign({ iss: "customs-idp", agency: "POLICE" }, { key: p384, alg: "ES384" }))).toBe("token issuer may not vouch for this agency");
  });
});
