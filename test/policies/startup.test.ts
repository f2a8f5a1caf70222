import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../platform/config.js";
import { startHub } from "../../hub/start-hub.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "liaison-bad-policy-"));
  await writeFile(
    path.join(dir, "10-bad.yaml"),
    "rules:\n  - id: bad.target\n    description: Targets a field that does not exist.\n    target: Seizure.colour\n    effect: allow\n    when: { subject: { roles: [analyst] } }\n",
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("starting with an invalid policy set", () => {
  it("refuses to start and names the file, the rule and the reason", async () => {
    const config = loadConfig({ LIAISON_DATA_DIR: dir, POLICY_DIR: dir });
    await expect(startHub({ config, inMemory: true, randomPorts: true })).rejects.toThrow(
      'invalid policy set:\n- 10-bad.yaml: rule "bad.target": target Seizure.colour: Seizure has no field colour',
    );
  });
});
