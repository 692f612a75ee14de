/**
 * The manifest.xml that `npm run build` ships (webpack.config.js). The source
 * names https://localhost:3000/ everywhere (`npm start`); ADDIN_URL replaces it
 * in every URL – SourceLocation, icons, SupportUrl, bt:Urls – and the
 * AppDomain becomes ADDIN_URL's origin. Without ADDIN_URL the build stays a
 * local-testing build and says so in the manifest itself.
 */
const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = "https://localhost:3000";

const LOCAL_BUILD_NOTE = "本机测试版：加载项地址为 https://localhost:3000/，部署前请用 ADDIN_URL=https://服务器/路径/ npm run build 重新构建";

/** ADDIN_URL as the base every URL starts with; throws a zh-CN message when it is not an https address. */
function addinBase(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`ADDIN_URL 不是有效的网址：${url}`);
  }
  if (parsed.protocol !== "https:") throw new Error(`ADDIN_URL 必须是 https 地址（Office 只加载 https 的加载项）：${url}`);
  if (parsed.search || parsed.hash) throw new Error(`ADDIN_URL 不能带 ? 或 #：${url}`);
  const base = parsed.href.endsWith("/") ? parsed.href : `${parsed.href}/`;
  return { base, origin: parsed.origin };
}

/** The manifest for ADDIN_URL, or the local-testing manifest (marked as such) when url is empty. */
function deployedManifest(content, url) {
  const xml = content.toString();
  if (!url) {
    return xml
      .replace(/(<\?xml[^>]*\?>)/, `$1\n<!-- ${LOCAL_BUILD_NOTE} -->`)
      .replace(/(<Description DefaultValue="[^"]*)"/, `$1（本机测试版）"`);
  }
  const { base, origin } = addinBase(url);
  return xml.split(DEV_URL).join(base).split(`<AppDomain>${DEV_ORIGIN}</AppDomain>`).join(`<AppDomain>${origin}</AppDomain>`);
}

module.exports = { deployedManifest, LOCAL_BUILD_NOTE };
