/**
 * Branch identity against the list of expected branches (--expect). Each
 * submission offers the names it was found under (roster 所在支部, template
 * marker, title row, file name); they are matched to the list exactly, then
 * after normalising (full/half width, 党支部/支部/党总支, 第一/一), then by
 * closeness – the edit distance of the normalised names, accepted within a
 * threshold and only when the runner-up is farther. A submission matched is
 * merged under the listed name, so a listed branch is never both merged and
 * missing; a close match says so (merge.branch-name), a name not on the list
 * is reported (merge.unexpected-branch).
 */
import { editDistance } from "../similarity";
import { makeFinding, type Finding } from "../finding";
import { squeeze } from "../text";
import { BRANCH_SOURCE_LABEL } from "./branch";
import type { BranchIdentity, BranchMatch, CheckedInput } from "./types";

/** Words that name the same kind of branch, and ordinals with or without 第. */
const SAME_WORDS: readonly [RegExp, string][] = [
  [/党总支部?|总支部?|党支部|支部/gu, "支部"],
  [/第([一二三四五六七八九十百零〇\d]+)/gu, "$1"],
];

export function normaliseBranchName(name: string): string {
  return SAME_WORDS.reduce((s, [pattern, to]) => s.replace(pattern, to), squeeze(name));
}

/** How many edits a name of this length may be away from a listed one: one in four characters, at least one. */
const threshold = (listed: string): number => Math.max(1, Math.floor([...listed].length / 4));

type Stage = (candidate: string, expected: readonly string[]) => string | undefined;

const exact: Stage = (candidate, expected) => expected.find((e) => squeeze(e) === squeeze(candidate));

/** Same after normalising, or – when only one listed name qualifies – one containing the other (`第三党支部` for `计算机学院第三党支部`). */
const normalised: Stage = (candidate, expected) => {
  const name = normaliseBranchName(candidate);
  const same = expected.find((e) => normaliseBranchName(e) === name);
  if (same) return same;
  const near = expected.filter((e) => {
    const listed = normaliseBranchName(e);
    return [...listed].length >= 3 && [...name].length >= 3 && (listed.includes(name) || name.includes(listed));
  });
  return near.length === 1 ? near[0] : undefined;
};

const close: Stage = (candidate, expected) => {
  const name = normaliseBranchName(candidate);
  const ranked = expected.map((e) => ({ e, d: editDistance(name, normaliseBranchName(e)) })).sort((a, b) => a.d - b.d);
  const [best, runnerUp] = ranked;
  if (!best || best.d > threshold(normaliseBranchName(best.e))) return undefined;
  return runnerUp && runnerUp.d <= best.d ? undefined : best.e;
};

const STAGES: readonly [BranchMatch, Stage][] = [
  ["exact", exact],
  ["normalised", normalised],
  ["fuzzy", close],
];

/** The listed branch a submission belongs to: the earliest stage any of its names matches at, names in the order they are trusted. */
export function matchExpected(candidates: readonly BranchIdentity[], expected: readonly string[]): BranchIdentity | null {
  for (const [match, stage] of STAGES) {
    for (const candidate of candidates) {
      const listed = stage(candidate.name, expected);
      if (listed !== undefined) return { name: listed, source: candidate.source, written: candidate.name, match };
    }
  }
  return null;
}

/**
 * Every submission named as the list has it where it matches; the findings of
 * those merged under a listed name they do not spell that way, and of those
 * not on the list. Without a list, the submissions as they are.
 */
export function resolveBranches(inputs: readonly CheckedInput[], expected: readonly string[] | undefined): { inputs: CheckedInput[]; findings: Map<CheckedInput, Finding[]> } {
  const findings = new Map<CheckedInput, Finding[]>();
  if (!expected) return { inputs: [...inputs], findings };
  const resolved = inputs.map((input) => {
    const listed = matchExpected(input.candidates, expected);
    if (!listed) {
      findings.set(input, [unexpected(input.branch)]);
      return input;
    }
    const resolvedInput = { ...input, branch: listed };
    if (listed.match === "fuzzy") findings.set(resolvedInput, [renamed(listed)]);
    return resolvedInput;
  });
  return { inputs: resolved, findings };
}

function renamed(branch: BranchIdentity): Finding {
  return makeFinding(
    "merge.branch-name",
    `“${branch.written}”按“${branch.name}”汇总，请核对（${BRANCH_SOURCE_LABEL[branch.source]}写作“${branch.written}”，与应交名单中的名称相近）`,
    { value: branch.written ?? null },
  );
}

function unexpected(branch: BranchIdentity): Finding {
  return makeFinding(
    "merge.unexpected-branch",
    `“${branch.name}”（依据${BRANCH_SOURCE_LABEL[branch.source]}）不在应交支部名单（--expect）中：已按此名称汇总；如名称写错，请改正后重新提交，或把该支部加入名单`,
    { value: branch.name },
  );
}
