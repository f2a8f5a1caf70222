import { createPublicKey, randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { exportPKCS8, exportSPKI, generateKeyPair } from "jose";
import { DATABASE_OWNERS, MIN_DATABASE_PASSWORD_LENGTH } from "../../platform/config.js";
import { secretProblem } from "../../platform/secrets.js";
import { AGENCIES } from "../../schema/enums.js";

/*
 * The secrets of the reference deployment (docker-compose.yml), generated on the operator's
 * machine into a git-ignored folder, one file each, mode 0600. Compose mounts each into the
 * services that need it and no other. A file that exists is kept: rerunning never rotates a key
 * or a password behind a running deployment's back.
 */

/** Where `npm run deploy:secrets` writes, relative to the repository root. */
export const DEFAULT_SECRETS_DIR = "deploy/secrets";
/** Agencies with a subgraph and records (they hold a cursor key); HUB has neither. */
const RECORD_OWNERS = ["customs", "police", "fiu", "postal"] as const;
const ALG = "ES256";

/** The files, by what they hold. Private issuer keys never leave the operator's machine. */
export const SECRET_FILES = {
  superuserPassword: "postgres-password",
  databasePassword: (owner: string) => `${owner}-db-password`,
  auditChainKey: (owner: string) => `${owner}-audit-chain-key`,
  cursorKey: (owner: string) => `${owner}-cursor-key`,
  gatewaySigningKey: "gateway-signing-key.pem",
  gatewayPublicKey: "gateway-public-key.pem",
  issuerPrivateKey: (agency: string) => `issuer-${agency.toLowerCase()}-private-key.pem`,
  issuerPublicKey: (agency: string) => `issuer-${agency.toLowerCase()}-public-key.pem`,
} as const;

/** The `iss` of the demo identity provider of an agency (JWT_ISSUERS of the gateway). */
export const demoIssuer = (agency: string) => `liaison-demo-idp-${agency.toLowerCase()}`;

export interface SecretsReport {
  readonly created: string[];
  readonly kept: string[];
}

/** Random text that secretProblem accepts (random base64url can contain "test", "demo"...: draw again). */
function randomSecret(bytes: number, minLength: number): string {
  let value = randomBytes(bytes).toString("base64url");
  while (secretProblem(value, minLength)) value = randomBytes(bytes).toString("base64url");
  return value;
}

async function exists(file: string): Promise<boolean> {
  try {
    await readFile(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

/** Writes a new file only (`wx`), readable by its owner alone whatever the umask. */
async function writeSecret(file: string, text: string): Promise<void> {
  await writeFile(file, text, { mode: 0o600, flag: "wx" });
  await chmod(file, 0o600);
}

/** Creates every missing secret under `dir` and reports which files it created and which it kept. */
export async function makeSecrets(dir: string): Promise<SecretsReport> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const report: SecretsReport = { created: [], kept: [] };
  const once = async (name: string, make: () => Promise<string> | string) => {
    const file = path.join(dir, name);
    if (await exists(file)) return void report.kept.push(name);
    await writeSecret(file, `${await make()}\n`);
    report.created.push(name);
  };
  // A pair is generated with its private half; a lost public half is derived again from it.
  const pair = async (privateName: string, publicName: string) => {
    const privateFile = path.join(dir, privateName);
    if (await exists(privateFile)) {
      report.kept.push(privateName);
      await once(publicName, async () => createPublicKey(await readFile(privateFile, "utf8")).export({ type: "spki", format: "pem" }).toString().trim());
      return;
    }
    if (await exists(path.join(dir, publicName))) {
      throw new Error(`${publicName} exists without ${privateName}: remove it to generate a new pair (and redeploy its users)`);
    }
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    await writeSecret(privateFile, await exportPKCS8(privateKey));
    await writeSecret(path.join(dir, publicName), await exportSPKI(publicKey));
    report.created.push(privateName, publicName);
  };

  await once(SECRET_FILES.superuserPassword, () => randomSecret(24, MIN_DATABASE_PASSWORD_LENGTH));
  for (const owner of DATABASE_OWNERS) await once(SECRET_FILES.databasePassword(owner), () => randomSecret(24, MIN_DATABASE_PASSWORD_LENGTH));
  // Audit chain keys: 32 random bytes as base64url text (what platform/audit/key.ts reads).
  for (const owner of DATABASE_OWNERS) await once(SECRET_FILES.auditChainKey(owner), () => randomSecret(32, 32));
  for (const owner of RECORD_OWNERS) await once(SECRET_FILES.cursorKey(owner), () => randomBytes(32).toString("base64url"));
  await pair(SECRET_FILES.gatewaySigningKey, SECRET_FILES.gatewayPublicKey);
  for (const agency of AGENCIES) await pair(SECRET_FILES.issuerPrivateKey(agency), SECRET_FILES.issuerPublicKey(agency));
  return report;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: "string", default: DEFAULT_SECRETS_DIR } } });
  const dir = path.resolve(values.dir);
  const report = await makeSecrets(dir);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`secrets in ${dir}: ${report.created.length} created, ${report.kept.length} kept`);
  for (const name of report.created) out(`  + ${name}`);
  const uid = process.getuid?.();
  if (uid !== undefined && uid !== 1000) {
    // Compose bind-mounts file secrets as they are: a 0600 file is readable in a container only by the same uid.
    out(`your uid is ${uid}: start with LIAISON_UID=${uid} LIAISON_GID=${process.getgid?.()} docker compose up`);
  }
  out("then: docker compose up -d");
  out(`a token: npm run -s token -- --issuer ${demoIssuer("POLICE")} --key-file ${path.join(values.dir, SECRET_FILES.issuerPrivateKey("POLICE"))} --agency POLICE --role analyst --clearance 2`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main().catch((error: unknown) => {
    process.stderr.write(`deploy:secrets: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
