/**
 * `npm run templates`: regenerates templates/ from the ledger definitions with the
 * default profile – one file per ledger plus 支部台账.xlsx. A test fails when the
 * committed files differ from what the definitions produce now.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { builtinProfile, DEFAULT_PROFILE } from "../src/core/profile";
import { buildTemplate, TEMPLATE_KEYS, type TemplateModel } from "../src/core/template";
import { writeTemplate } from "../src/io/template-writer";

export const TEMPLATES_DIR = path.join(__dirname, "..", "templates");

/** The templates templates/ holds. */
export function committedTemplateModels(): TemplateModel[] {
  const profile = builtinProfile(DEFAULT_PROFILE)!;
  return TEMPLATE_KEYS.map((key) => buildTemplate(key, profile));
}

async function main(): Promise<void> {
  const models = committedTemplateModels();
  const wanted = new Set(models.map((m) => `${m.fileName}.xlsx`));
  await fs.mkdir(TEMPLATES_DIR, { recursive: true });
  for (const name of await fs.readdir(TEMPLATES_DIR)) {
    if (name.endsWith(".xlsx") && !wanted.has(name)) await fs.unlink(path.join(TEMPLATES_DIR, name));
  }
  for (const model of models) console.log(`已生成 ${path.relative(process.cwd(), await writeTemplate(model, TEMPLATES_DIR))}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
