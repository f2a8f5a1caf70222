import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Every .ts file under a folder of the repository, as paths relative to the root. */
async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(".ts")).map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

/** Module specifiers of static imports, re-exports and dynamic imports. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

/** `file: specifier` for each import of the file that resolves into platform/. */
async function platformImports(file: string): Promise<string[]> {
  const text = await readFile(path.join(ROOT, file), "utf8");
  const found: string[] = [];
  for (const [, specifier = ""] of text.matchAll(SPECIFIER)) {
    if (!specifier.startsWith(".")) continue;
    const target = path.relative(ROOT, path.resolve(path.dirname(path.join(ROOT, file)), specifier));
    if (target === "platform" || target.startsWith(`platform${path.sep}`)) found.push(`${file}: ${specifier}`);
  }
  return found;
}

describe("layers", () => {
  it("schema/ and policies/ import nothing from platform/ (the contract and the rules sit below the platform)", async () => {
    const files = [...(await sources("schema")), ...(await sources("policies"))];
    expect(files.length).toBeGreaterThan(10);
    const offenders = (await Promise.all(files.map(platformImports))).flat();
    expect(offenders).toEqual([]);
  });
});
