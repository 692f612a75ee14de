import { memoize } from "../../src/core/memo";

describe("memoize", () => {
  it("works a value out once per key, null and undefined results included", () => {
    const calls: string[] = [];
    const lengthOrNothing = memoize((key: string) => {
      calls.push(key);
      return key === "" ? undefined : key === "-" ? null : key.length;
    });
    for (const key of ["男", "正式党员", "", "-", "男", "", "-", "正式党员"]) lengthOrNothing(key);
    expect(calls).toEqual(["男", "正式党员", "", "-"]);
    expect([lengthOrNothing("男"), lengthOrNothing(""), lengthOrNothing("-")]).toEqual([1, undefined, null]);
  });

  it("keeps at most `max` values, starting afresh when full", () => {
    let calls = 0;
    const twice = memoize((n: number) => (calls++, n * 2), 2);
    expect([twice(1), twice(2), twice(1)]).toEqual([2, 4, 2]);
    expect(calls).toBe(2);
    twice(3); // full: emptied, then 3 kept
    expect(twice(1)).toBe(2);
    expect(calls).toBe(4);
  });
});
