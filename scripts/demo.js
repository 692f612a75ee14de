#!/usr/bin/env node
// `npm run demo`: validate and merge the sample branch workbooks in samples/ and print what was found.
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");

const root = path.join(__dirname, "..");
const cli = path.join(root, "bin", "taizhang.js");
const asOf = "2026-11-27"; // the samples' as-of date (tests/fixtures/samples.ts), so the output does not drift

function run(title, args) {
  process.stdout.write(`\n===== ${title} =====\n$ taizhang ${args.join(" ")}\n\n`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: "inherit" });
  // 1 means "findings of severity error": expected for the samples with planted mistakes.
  if (result.status !== 0 && result.status !== 1) {
    process.stderr.write(`\n演示失败：taizhang ${args[0]} 退出码 ${result.status}\n`);
    process.exit(1);
  }
}

run("校验示例支部台账", ["validate", "samples", "--as-of", asOf]);
run("汇总为学院汇总表", ["merge", "samples", "-o", "out/学院汇总.xlsx", "--expect", "samples/branches.txt", "--as-of", asOf]);
process.stdout.write("\n演示完成。汇总工作簿：out/学院汇总.xlsx；示例中埋入的错误见 samples/README.md。\n");
