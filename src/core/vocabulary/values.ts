/**
 * The words secretaries and other systems use for the allowed values of a
 * column (支部党员大会, 支委会议, 在职, 退休, 学生党员 …): each maps to one
 * canonical value that the rules see. A value that is no synonym is a
 * `cell.enum` finding with the closest allowed value suggested.
 */
import { memoize } from "../memo";
import { closest } from "../similarity";
import { squeeze } from "../text";

export interface Vocabulary {
  /** The allowed values, as templates offer them. */
  options: readonly string[];
  /** Canonical value → other words for it (compared after normalising, see valueKey). */
  synonyms: Readonly<Record<string, readonly string[]>>;
}

/**
 * A value as compared: no whitespace or full width, no hint in brackets, no
 * organisation in front (支部党员大会 = 党员大会, 党支部书记 = 书记), 会议 read as 会,
 * 活动 dropped at the end (主题党日活动 = 主题党日).
 */
export function valueKey(text: string): string {
  const key = squeeze(text)
    .replace(/[([（【][^)\]）】]*[)\]）】]/gu, "")
    .replace(/^(党支部|党总支|支部)(?=.)/u, "")
    .replace(/会议$/u, "会")
    .replace(/(.)活动$/u, "$1")
    .toLowerCase();
  return key;
}

export interface ValueMatch {
  /** The canonical value, or null when the text is none of the allowed values. */
  value: string | null;
  /** For a value that matches nothing: the closest allowed value, when one is close enough. */
  suggestion?: string;
}

/** Below this similarity no suggestion is offered: a guess would mislead. */
const SUGGEST_FROM = 0.34;

type Matcher = (text: string) => ValueMatch;
const matchers = new WeakMap<Vocabulary, Matcher>();

function matcherOf(vocabulary: Vocabulary): Matcher {
  let matcher = matchers.get(vocabulary);
  if (!matcher) {
    const byKey = new Map<string, string>();
    for (const option of vocabulary.options) {
      byKey.set(valueKey(option), option);
      byKey.set(squeeze(option).toLowerCase(), option);
      for (const word of vocabulary.synonyms[option] ?? []) byKey.set(valueKey(word), option);
    }
    const words = [...byKey];
    matcher = memoize((text: string): ValueMatch => {
      const value = byKey.get(squeeze(text).toLowerCase()) ?? byKey.get(valueKey(text));
      if (value !== undefined) return { value };
      const near = closest(valueKey(text), words, ([word]) => word);
      return near && near.score >= SUGGEST_FROM ? { value: null, suggestion: near.item[1] } : { value: null };
    });
    matchers.set(vocabulary, matcher);
  }
  return matcher;
}

/** The canonical value a cell's text stands for in this vocabulary. */
export function matchValue(vocabulary: Vocabulary, text: string): ValueMatch {
  return matcherOf(vocabulary)(text);
}

export const vocabulary = (options: readonly string[], synonyms: Vocabulary["synonyms"] = {}): Vocabulary => ({ options, synonyms });
