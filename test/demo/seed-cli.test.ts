import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * `npm run seed` as a user runs it: a child process on an embedded PGlite under a temporary data
 * directory (DATABASE_URL is removed, so it never touches a PostgreSQL server).
 */

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
let dataDir: string;

function seed(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("DATABASE_URL")));
  return new Promise((resolve) => {
    execFile(tsx, ["scripts/seed.ts", ...args], { cwd: root, env: { ...env, LIAISON_DATA_DIR: dataDir }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "liaison-seed-cli-"));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("npm run seed", () => {
  it("refuses bad arguments with the usage and exit code 2", async () => {
    const cases = [["--scale", "0"], ["--scale", "two"], ["--seed", "-3"], ["--bogus"], ["extra"]];
    const results = await Promise.all(cases.map(seed));
    results.forEach((result, i) => {
      expect(result.code, cases[i]?.join(" ")).toBe(2);
      expect(result.stderr).toContain("usage: npm run seed -- --scale N [--seed S]");
    });
  });

  it("refuses while another process holds the embedded databases", async () => {
    await writeFile(path.join(dataDir, "hub.pid"), String(process.pid));
    try {
      const result = await seed(["--scale", "1"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/in use by process \d+/);
    } finally {
      await rm(path.join(dataDir, "hub.pid"), { force: true });
    }
  });

  it("seeds scale 1 into the embedded PGlite, then adds nothing on a second run", async () => {
    const first = await seed(["--scale", "1"]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("demo data (seed 20251126, scale 1): 162 seizures, 55 cases, 43 FIU reports, 260 postal items, 6 planted networks");
    for (const table of ["customs.seizure 162 (+162)", "police.police_case 55 (+55)", "fiu.fiu_report 43 (+43)", "postal.postal_item 260 (+260)"]) expect(first.stdout).toContain(table);
    console.info(first.stdout.trim());
    const second = await seed(["--scale", "1"]);
    expect(second.code).toBe(0);
    expect(second.stdout.match(/\(\+0\)/g)).toHaveLength(8);
    expect(existsSync(path.join(dataDir, "hub.pid"))).toBe(false);
  }, 240_000); // two seeding child processes; slow on a loaded 2-core machine
});
