/** Options shared by the commands: --as-of and --profile (INTERFACES.md "Defaults"). */
import { promises as fs } from "node:fs";
import type { Command } from "commander";
import type { LoadOptions } from "../io/load";
import { BUILTIN_PROFILES, builtinProfile, DEFAULT_PROFILE, isValidYmd, parseProfile, todayInShanghai, type IsoDate, type Profile } from "../core";
import { ColumnMappingError, columnMappingSchema, NO_MAPPING, profileColumns, resolveColumnMapping, type ColumnMapping, type ColumnMappingInput } from "../core/columns";
import { READ_LEDGERS } from "../core/ledgers";

export class UsageError extends Error {}

export function parseAsOf(value: string | undefined): IsoDate {
  if (value === undefined) return todayInShanghai();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new UsageError(`--as-of 应为 YYYY-MM-DD 格式的有效日期，实为“${value}”`);
  }
  return value;
}

const BUILTIN_NAMES = Object.keys(BUILTIN_PROFILES).join("、");

/** A built-in profile name (national, 100-50, 200-100, a college document's) or a path to a JSON profile. */
export async function loadProfile(value: string | undefined): Promise<Profile> {
  const name = value ?? DEFAULT_PROFILE;
  const builtin = builtinProfile(name);
  if (builtin) return builtin;
  let text: string;
  try {
    text = await fs.readFile(name, "utf8");
  } catch {
    throw new UsageError(`--profile “${name}”既不是内置配置（${BUILTIN_NAMES}），也不是可读取的 JSON 文件`);
  }
  try {
    const profile = parseProfile(text, `配置文件 ${name}`);
    profileColumns(profile, READ_LEDGERS);
    return profile;
  } catch (e) {
    throw new UsageError(e instanceof ColumnMappingError ? `配置文件 ${name} 的 columns：${e.message}` : (e as Error).message);
  }
}

/** --columns 对应.json: header text → field per ledger (src/core/columns.ts), checked against the ledgers. */
export async function loadColumns(path: string | undefined): Promise<ColumnMapping> {
  return path === undefined ? NO_MAPPING : (await readColumnsFile(path)).mapping;
}

/** A mapping file as written (to add to it) and as resolved; a usage error names the file. */
export async function readColumnsFile(path: string): Promise<{ input: ColumnMappingInput; mapping: ColumnMapping }> {
  let json: unknown;
  try {
    json = JSON.parse(await fs.readFile(path, "utf8"));
  } catch (e) {
    throw new UsageError(`--columns “${path}”不是可读取的 JSON 文件（${(e as Error).message}）`);
  }
  try {
    return { mapping: resolveColumnMapping(json, READ_LEDGERS), input: columnMappingSchema.parse(json) };
  } catch (e) {
    throw new UsageError(`--columns ${path}：${(e as Error).message}`);
  }
}

/** --timeout in seconds → the per-file read limit (issue 8: default 20 s, in src/io/isolate). */
export function parseTimeout(value: string | undefined): LoadOptions {
  if (value === undefined) return {};
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new UsageError(`--timeout 应为 1 到 3600 之间的秒数，实为“${value}”`);
  }
  return { timeoutMs: Math.round(seconds * 1000) };
}

export const TIMEOUT_HELP = "每个文件读取的时限（秒，默认 20）；超时的文件报告为无法读取，其余照常";
export const COLUMNS_HELP = "列对应 JSON：把认不出的表头指定为某一列，如 {\"党员花名册\": {\"党内身份\": \"党员类型\"}}";
export const PROFILE_HELP = `配置：${BUILTIN_NAMES} 或 JSON 文件路径（默认 ${DEFAULT_PROFILE}）`;

/** The flags validate and merge share; each command says what --json and --mask cover for it. */
export interface ReadingFlags {
  json?: boolean;
  asOf?: string;
  profile?: string;
  mask?: boolean;
  timeout?: string;
  columns?: string;
}

export function addReadingOptions(command: Command, help: { json: string; mask: string }): Command {
  return command
    .option("--json", help.json)
    .option("--as-of <date>", "核对日期 YYYY-MM-DD（默认今天，北京时间）")
    .option("--profile <name|path>", PROFILE_HELP, DEFAULT_PROFILE)
    .option("--mask", help.mask)
    .option("--timeout <seconds>", TIMEOUT_HELP)
    .option("--columns <file>", COLUMNS_HELP);
}

/** The settings those flags stand for, checked: a usage error names the flag. */
export async function readingSettings(flags: ReadingFlags): Promise<{ asOf: IsoDate; profile: Profile; limits: LoadOptions; columns: ColumnMapping }> {
  return {
    asOf: parseAsOf(flags.asOf),
    limits: parseTimeout(flags.timeout),
    profile: await loadProfile(flags.profile),
    columns: await loadColumns(flags.columns),
  };
}

export const VERSION: string = (require("../../package.json") as { version: string }).version;
