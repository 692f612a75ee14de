import { addMonths, addYears, ageOn, endOfMonth, formatZh, formatZhMonth, fromExcelSerial, monthsBetween, toExcelSerial, todayInShanghai } from "../../src/core";

describe("Excel serials by arithmetic", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [43647, "2019-07-01"],
    [46203, "2026-06-30"],
  ])("serial %d is %s", (serial, iso) => {
    expect(fromExcelSerial(serial)).toBe(iso);
    expect(toExcelSerial(iso)).toBe(serial);
  });

  it("has no date for Excel's phantom 1900-02-29, nor for nonsense", () => {
    expect(fromExcelSerial(60)).toBeNull();
    expect(fromExcelSerial(0)).toBeNull();
    expect(fromExcelSerial(Number.NaN)).toBeNull();
  });

  it("does not depend on the machine's time zone", () => {
    const saved = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      expect(fromExcelSerial(43647)).toBe("2019-07-01");
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe("calendar arithmetic", () => {
  it("adds months and years, clamping to the month's end", () => {
    expect(addMonths("2020-01-31", 1)).toBe("2020-02-29");
    expect(addMonths("2015-07-01", 18)).toBe("2017-01-01");
    expect(addYears("2016-02-29", 1)).toBe("2017-02-28");
    expect(addMonths("2020-03-15", -3)).toBe("2019-12-15");
  });

  it("counts whole years of age and whole months", () => {
    expect(ageOn("2006-03-07", "2024-03-06")).toBe(17);
    expect(ageOn("2006-03-07", "2024-03-07")).toBe(18);
    expect(monthsBetween("2015-07-01", "2016-06-30")).toBe(11);
    expect(monthsBetween("2015-07-01", "2016-07-01")).toBe(12);
  });

  it("knows a month's last day and writes dates in Chinese", () => {
    expect(endOfMonth("2024-02-10")).toBe("2024-02-29");
    expect(formatZh("2019-07-01")).toBe("2019年7月1日");
    expect(formatZhMonth("2019-07-01")).toBe("2019年7月");
  });

  it("takes today in Asia/Shanghai", () => {
    expect(todayInShanghai(new Date("2026-06-29T16:30:00Z"))).toBe("2026-06-30");
    expect(todayInShanghai(new Date("2026-06-29T15:30:00Z"))).toBe("2026-06-29");
  });
});
