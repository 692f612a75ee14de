/** `npm run docs`: writes docs/codes.md from the ledger definitions and the code catalogue. */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { codesCatalogueMarkdown } from "./docs-content";

writeFileSync(path.join(__dirname, "..", "docs", "codes.md"), codesCatalogueMarkdown());
console.log("docs/codes.md 已更新");
