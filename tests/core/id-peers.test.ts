/**
 * Peer vectors for 公民身份号码 checks, with credit:
 * - jxlwqq/id-validator (MIT), tests/IdValidatorTest.php – isValid and getInfo;
 * - python-stdnum (LGPL-2.1+, © 2014 Jiangge Zhang, © 2025 Arthur de Jong), tests/test_cn_ric.doctest.
 * Only the numbers and the peers' verdicts are taken. We agree with every verdict
 * except four that need a county's history beyond the GB/T 2260 code list (when a code
 * came into use or was withdrawn), which we do not check – see `history` below.
 */
import { checkIdNumber } from "../../src/core";

/** Rejected by us: any ID finding except the 15-digit warning (an old number is still valid). */
const rejected = (id: string): boolean => checkIdNumber(id).problems.some((p) => p.code !== "id.legacy-15");

const jxlwqq: [string, boolean, string][] = [
  ["44030819990110", false, "号码位数不合法"],
  ["111111199901101512", false, "地址码不合法"],
  ["440308199902301512", false, "出生日期码不合法"],
  ["440308199901101513", false, "验证码不合法"],
  ["610104620932690", false, "出生日期码不合法（15 位）"],
  ["11010119900307867X", false, "校验位不合法"],
  ["500154199301135886", true, "非严格模式合法"],
  ["110101199003078670", true, ""],
  ["440308199901101512", true, ""],
  ["500154199804106120", true, ""],
  ["411082198901010002", true, "非严格模式合法"],
  ["610104620927690", true, "15 位"],
  ["810000199408230021", true, "港澳居民居住证"],
  ["830000199201300022", true, "台湾居民居住证"],
  ["362324198001010014", true, "已撤销的地址码 丰城县"],
  ["362324198101010011", true, "已撤销的地址码"],
  ["362324198201010019", true, "已撤销的地址码 铅山县"],
  ["430302199312194239", true, ""],
];

const stdnum: [string, boolean, string][] = [
  ["360426199101010071", true, ""],
  ["44011320141005001x", true, "lower-case x"],
  ["412723199010050012", true, ""],
  ["110102199101010078", true, ""],
  ["120110198012010073", true, "东郊区 before 1991"],
  ["120110199212010072", true, "东丽区 after 1991"],
  ["990426199112010074", false, "unknown birth place code"],
  ["T60426199101010078", false, "invalid format"],
  ["360426199113010079", false, "invalid date"],
  ["36042619910102009X", false, "invalid checksum"],
];

/** Verdicts that rest on when a county code was in use: we accept the number, the peer rejects it. */
const history: [string, string][] = [
  ["500154199301135886", "jxlwqq strict mode: 500154 (开州区) was published after the 1993 birth date"],
  ["411082198901010002", "jxlwqq strict mode: 411082 (长葛市) was published after the 1989 birth date"],
  ["110111198012010078", "python-stdnum: 110111 (房山区) was not registered yet in 1980"],
  ["110201199312010077", "python-stdnum: 110201 was deregistered by 1993"],
];

describe("peer ID vectors", () => {
  it.each(jxlwqq)("jxlwqq/id-validator: %s valid=%s %s", (id, valid) => {
    expect(rejected(id)).toBe(!valid);
  });

  it.each(stdnum)("python-stdnum cn.ric: %s valid=%s %s", (id, valid) => {
    expect(rejected(id)).toBe(!valid);
  });

  it.each(history)("disagrees where the county's history decides: %s (%s)", (id) => {
    expect(rejected(id)).toBe(false);
  });
});
