/**
 * The Excel add-in: taskpane.html and commands.html (yo office layout) built
 * into dist/addin/ – dist/cli, dist/core and dist/io belong to the CLI build.
 *
 * `npm start` serves https://localhost:3000 with the office-addin-dev-certs
 * files read from ~/.office-addin-dev-certs when they exist (never through
 * getHttpsServerOptions(), which calls sudo to trust the CA). Without them the
 * dev server makes its own self-signed certificate; docs/addin.md explains how
 * to create and trust the certificates by hand.
 *
 * ADDIN_URL=https://host/path/ npm run build writes that address into every
 * URL and the AppDomain of the deployed manifest (scripts/addin-manifest.js);
 * without it the build is a local-testing build, says so on the console and
 * in the built manifest. env.outputRoot (tests) builds somewhere else than dist/.
 *
 * Every bundle runs in the webviews Office uses (Microsoft's page "Browsers
 * and webview controls used by Office Add-ins"): Internet Explorer 11 and
 * EdgeHTML as well as WebView2 and Safari. ts-loader compiles TypeScript,
 * then babel (preset-env, core-js polyfills where used) lowers it – and the
 * packages that ship modern syntax – to ES5 for package.json's browserslist.
 * tests/addin/es5-bundles.test.ts parses every emitted file as ES5.
 *
 * The WPS 加载项 (wpsjs layout) is built beside it into dist/wps/: ribbon.xml,
 * index.html (the entry page with the ribbon callbacks) and the same task pane
 * without office.js, which WPS does not have – docs/wps.md. `npm start`
 * serves the Excel add-in only.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { deployedManifest, LOCAL_BUILD_NOTE } = require("./scripts/addin-manifest");

const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");

function devCertificates() {
  const file = (name) => path.join(CERT_DIR, name);
  if (!["localhost.key", "localhost.crt"].every((n) => fs.existsSync(file(n)))) {
    console.warn(`[taizhang] ${CERT_DIR} 中没有开发证书，改用临时自签名证书（见 docs/addin.md“信任开发证书”）`);
    return {};
  }
  const options = { key: fs.readFileSync(file("localhost.key")), cert: fs.readFileSync(file("localhost.crt")) };
  if (fs.existsSync(file("ca.crt"))) options.ca = fs.readFileSync(file("ca.crt"));
  return options;
}

/** preset-env for package.json's browserslist, with the core-js polyfills the code uses. */
const babel = {
  loader: "babel-loader",
  options: {
    babelrc: false,
    configFile: false,
    // Packages may be CommonJS: babel adds polyfill imports in the module's own style.
    sourceType: "unambiguous",
    // The minifier compacts the bundles; babel's own compacting of the 500 KB+ spreadsheet parser only prints a note.
    compact: false,
    presets: [["@babel/preset-env", { useBuiltIns: "usage", corejs: require("core-js/package.json").version }]],
  },
};

/** core-js and webpack's runtime must not be polyfilled with themselves. */
const NOT_TRANSPILED = /node_modules[\\/](core-js|webpack|@babel[\\/]runtime)[\\/]/;

/** Both builds compile TypeScript the same way. */
function common(dev) {
  return {
    devtool: dev ? "source-map" : false,
    // webpack's own runtime in ES5 as well (no arrow functions, no const).
    target: ["web", "es5"],
    resolve: {
      extensions: [".ts", ".js"],
      // read-csv decodes GBK with the browser's TextDecoder; iconv-lite is its Node fallback only.
      alias: { "iconv-lite": false },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Loaders run last to first: ts-loader, then babel.
          use: [babel, { loader: "ts-loader", options: { configFile: "tsconfig.addin.json", transpileOnly: true } }],
        },
        { test: /\.[cm]?js$/, exclude: NOT_TRANSPILED, use: babel },
      ],
    },
    performance: { hints: false },
  };
}

/** The pane's page for WPS: the Excel pane's HTML without the office.js script tag. */
function paneWithoutOfficeJs() {
  const html = fs.readFileSync(path.join(__dirname, "src/addin/taskpane/taskpane.html"), "utf8");
  return html.replace(/\s*<!--[^>]*office\.js[^>]*-->/, "").replace(/\s*<script src="https:\/\/appsforoffice[^"]*"><\/script>/, "");
}

function wps(env, dev) {
  return {
    ...common(dev),
    name: "wps",
    entry: {
      main: "./src/addin/wps/main.ts",
      taskpane: "./src/addin/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(outputRoot(env), "wps"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/addin/wps/index.html", chunks: ["main"] }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", templateContent: paneWithoutOfficeJs(), chunks: ["taskpane"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/addin/wps/ribbon.xml", to: "ribbon.xml" },
        ],
      }),
    ],
  };
}

function excel(env, dev) {
  return {
    ...common(dev),
    name: "excel",
    entry: {
      taskpane: "./src/addin/taskpane/taskpane.ts",
      commands: "./src/addin/commands/commands.ts",
    },
    output: {
      path: path.resolve(outputRoot(env), "addin"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/addin/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/addin/commands/commands.html", chunks: ["commands"] }),
      new HtmlWebpackPlugin({ filename: "help.html", template: "./src/addin/help/help.html", chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => (dev ? content : deployedManifest(content, process.env.ADDIN_URL)) },
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? devCertificates() : {} },
      static: false,
      client: { overlay: false },
    },
  };
}

const outputRoot = (env) => env.outputRoot || path.join(__dirname, "dist");

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  if (!dev && !process.env.ADDIN_URL) console.warn(`[taizhang] 未设置 ADDIN_URL，dist/addin/manifest.xml 是${LOCAL_BUILD_NOTE}`);
  return env.WEBPACK_SERVE ? excel(env, dev) : [excel(env, dev), wps(env, dev)];
};
