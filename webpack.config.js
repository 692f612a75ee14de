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
 * ADDIN_URL=https://host/path/ npm run build writes that address into the
 * deployed manifest instead of https://localhost:3000/.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
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

function deployedManifest(content) {
  const url = process.env.ADDIN_URL;
  if (!url) return content;
  const base = url.endsWith("/") ? url : `${url}/`;
  return content.toString().split(DEV_URL).join(base);
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  return {
    entry: {
      taskpane: "./src/addin/taskpane/taskpane.ts",
      commands: "./src/addin/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist/addin"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    devtool: dev ? "source-map" : false,
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
          use: { loader: "ts-loader", options: { configFile: "tsconfig.addin.json", transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/addin/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/addin/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => (dev ? content : deployedManifest(content)) },
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
};
