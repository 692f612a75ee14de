/**
 * Browser tests of the built add-in (npm run build first): the task pane in
 * headless Debian Chromium (/usr/bin/chromium, never a downloaded browser).
 * @type {import('jest').Config}
 */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/tests/e2e"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 120_000,
  maxWorkers: 1,
  reporters: ["default", "<rootDir>/tests/support/summary-reporter.js"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
};
