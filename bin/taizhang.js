#!/usr/bin/env node
"use strict";
const path = require("node:path");
const fs = require("node:fs");

const entry = path.join(__dirname, "..", "dist", "cli", "main.js");
if (!fs.existsSync(entry)) {
  // dist/ is built by `npm install` (the prepare script); --ignore-scripts skips it.
  process.stderr.write("taizhang 还没有编译：请在项目目录中运行 npm run build:cli（npm install 通常会自动完成）\n");
  process.exit(2);
}
require(entry)
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
