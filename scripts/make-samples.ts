/** `npm run samples`: writes samples/ from tests/fixtures/samples.ts (deterministic). */
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { EXPECTED_BRANCHES, makeSamples } from "../tests/fixtures/samples";

const dir = path.join(__dirname, "..", "samples");
mkdirSync(dir, { recursive: true });
const lines = ["# 示例支部台账中埋入的错误（由 tests/fixtures/samples.ts 生成）", ""];
for (const sample of makeSamples()) {
  writeFileSync(path.join(dir, sample.file), sample.bytes);
  lines.push(`## ${sample.file}`, ...(sample.planted.length ? sample.planted.map((p) => `- \`${p.code}\` ${p.where}`) : ["- 无（干净的台账）"]), "");
}
writeFileSync(path.join(dir, "README.md"), lines.join("\n"));
writeFileSync(path.join(dir, "branches.txt"), EXPECTED_BRANCHES.join("\n") + "\n");
console.log(`示例台账已写入 ${dir}`);
