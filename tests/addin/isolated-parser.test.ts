/**
 * The pane parses each chosen file in a Web Worker (here a fake one): a file
 * whose worker never answers is skipped after the timeout with the zh-CN
 * message, its worker is stopped, and the next file still gets read.
 */
import type { Workbook } from "../../src/core/table";
import { ReadError } from "../../src/io/errors";
import type { ParseReply } from "../../src/io/isolate/protocol";
import { IsolatedParser, type BrowserParseRequest, type ParseWorker } from "../../src/addin/taskpane/isolated-parser";
import { DEFAULT_TIMEOUT_MS } from "../../src/io/isolate/protocol";

const workbook = (name: string): Workbook => ({ name, sheets: [] });

/** How the fake worker treats a file: answer with a reply, die, or never answer. */
type Behaviour = { reply: ParseReply } | "crash" | "hang";

class FakeWorker implements ParseWorker {
  onmessage: ParseWorker["onmessage"] = null;
  onerror: ParseWorker["onerror"] = null;
  terminated = false;
  errorDefaultPrevented = false;
  readonly files: string[] = [];
  constructor(private readonly behaviour: (name: string) => Behaviour) {}
  postMessage({ name }: BrowserParseRequest): void {
    this.files.push(name);
    const b = this.behaviour(name);
    if (b === "hang") return;
    setTimeout(() => {
      if (this.terminated) return;
      if (b === "crash") this.onerror?.({ preventDefault: () => (this.errorDefaultPrevented = true) });
      else this.onmessage?.({ data: b.reply });
    }, 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function parserWith(behaviour: (name: string) => Behaviour, timeoutMs = 50) {
  const workers: FakeWorker[] = [];
  const spawn = () => {
    const w = new FakeWorker(behaviour);
    workers.push(w);
    return w;
  };
  const parser = new IsolatedParser(spawn, () => Promise.reject(new Error("the page should not parse")), timeoutMs);
  return { parser, workers };
}

const file = new Blob(["PK"]);
const answers = (name: string): Behaviour => ({ reply: { ok: true, workbook: workbook(name) } });

it("waits 20 seconds per file, as the command line does", () => {
  expect(DEFAULT_TIMEOUT_MS).toBe(20_000);
});

it("reads one file after another in the same worker", async () => {
  const { parser, workers } = parserWith(answers);
  await expect(parser.parse(file, "一支部.xlsx")).resolves.toEqual(workbook("一支部.xlsx"));
  await expect(parser.parse(file, "二支部.xlsx")).resolves.toEqual(workbook("二支部.xlsx"));
  expect(workers).toHaveLength(1);
  expect(workers[0].files).toEqual(["一支部.xlsx", "二支部.xlsx"]);
  parser.close();
  expect(workers[0].terminated).toBe(true);
});

it("skips a file whose worker does not answer in time, stops that worker, and reads the next file in a fresh one", async () => {
  const { parser, workers } = parserWith((name) => (name === "炸弹.xlsx" ? "hang" : answers(name)));
  const error = await parser.parse(file, "炸弹.xlsx").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ReadError);
  expect((error as ReadError).kind).toBe("timeout");
  expect((error as ReadError).message).toBe("炸弹.xlsx：文件过大或结构异常，已跳过（读取超时）");
  expect(workers[0].terminated).toBe(true);
  await expect(parser.parse(file, "二支部.xlsx")).resolves.toEqual(workbook("二支部.xlsx"));
  expect(workers).toHaveLength(2);
  expect(workers[1].terminated).toBe(false);
});

it("passes on the reader's own zh-CN reason and keeps the worker", async () => {
  const message = "加密.xlsx：文件已加密（设置了打开密码），请在 Excel 中取消密码后重新提交";
  const { parser, workers } = parserWith(() => ({ reply: { ok: false, kind: "encrypted", message } }));
  await expect(parser.parse(file, "加密.xlsx")).rejects.toThrow(message);
  expect(workers[0].terminated).toBe(false);
});

it("reports a worker that dies as too big or malformed, without an error in the page", async () => {
  const { parser, workers } = parserWith((name) => (name === "坏.xlsx" ? "crash" : answers(name)));
  await expect(parser.parse(file, "坏.xlsx")).rejects.toThrow("坏.xlsx：文件过大或结构异常，已跳过");
  expect(workers[0]).toMatchObject({ terminated: true, errorDefaultPrevented: true });
  await expect(parser.parse(file, "好.xlsx")).resolves.toEqual(workbook("好.xlsx"));
});

it("parses in the page where no worker can start", async () => {
  const inPage = jest.fn(async (_: Blob, name: string) => workbook(name));
  const parser = new IsolatedParser(() => {
    throw new Error("no Worker");
  }, inPage);
  await expect(parser.parse(file, "一支部.xlsx")).resolves.toEqual(workbook("一支部.xlsx"));
  await expect(parser.parse(file, "二支部.xlsx")).resolves.toEqual(workbook("二支部.xlsx"));
  expect(inPage.mock.calls.map(([, name]) => name)).toEqual(["一支部.xlsx", "二支部.xlsx"]);
});
