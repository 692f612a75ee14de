import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CODES, CODE_GROUPS, codesOf } from "../src/core";
import { codesCatalogueMarkdown } from "../scripts/docs-content";

describe("docs/codes.md", () => {
  it("is what the definitions produce now (run npm run docs after changing a ledger or a code)", () => {
    const committed = readFileSync(path.join(__dirname, "..", "docs", "codes.md"), "utf8");
    expect(committed).toBe(codesCatalogueMarkdown());
  });

  it("lists every code in exactly one group, each with a source", () => {
    const grouped = CODE_GROUPS.flatMap((g) => codesOf(g));
    expect([...grouped].sort()).toEqual(Object.keys(CODES).sort());
    for (const info of Object.values(CODES)) expect(info.source).not.toBe("");
  });
});
