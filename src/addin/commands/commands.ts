/**
 * The ribbon's ExecuteFunction commands (manifest FunctionFile). Each action
 * is registered with Office.actions.associate (and by name on window, for
 * Excel builds before it) and always ends with event.completed(), after the
 * dialog it opened is closed. A command has no pane of its own: a refusal, a
 * notice or 没有发现问题 opens a small dialog.
 */
import { todayInShanghai } from "../../core/dates";
import { LEDGERS } from "../../core/ledgers";
import { clearMarksInExcel } from "../excel/clear";
import { detectCapabilities } from "../excel/capabilities";
import { insertTemplateInExcel } from "../excel/template";
import { validateInExcel } from "../excel/validate";
import { commandLines, type Scope } from "../shared/run-plan";
import { savedProfile } from "../office";

type Action = () => Promise<string[]>;

const caps = () => detectCapabilities((name, version) => Office.context.requirements.isSetSupported(name, version));

const validate = (scope: Scope): Action => async () =>
  commandLines(await validateInExcel({ scope, profile: savedProfile(), asOf: todayInShanghai(), caps: caps() }), scope);

export const ACTIONS: Record<string, Action> = {
  validateSheet: validate("active"),
  validateAll: validate("all"),
  clearMarks: async () => (await clearMarksInExcel(caps())).notices,
  ...Object.fromEntries(
    LEDGERS.map((l): [string, Action] => [
      `insertTemplate_${l.key}`,
      async () => {
        await insertTemplateInExcel(l.key, savedProfile(), caps());
        return [];
      },
    ]),
  ),
};

/**
 * Show messages in a small dialog (taskpane.html?notice=…), the only UI a
 * command has. Resolves when the secretary closes it – Office reports that as
 * DialogEventReceived – or at once when no dialog could open.
 */
export function notify(lines: string[]): Promise<void> {
  const url = new URL("taskpane.html", window.location.href);
  url.searchParams.set("notice", lines.join("\n"));
  return new Promise((resolve) => {
    try {
      Office.context.ui.displayDialogAsync(url.toString(), { height: 30, width: 35, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return resolve();
        result.value.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      });
    } catch {
      // An Excel without the dialog API (DialogApi 1.1): nothing to wait for.
      resolve();
    }
  });
}

/** A ribbon handler: event.completed() only after the notice dialog is closed, since completing a command closes its dialog. */
export function command(action: Action) {
  return async (event: Office.AddinCommands.Event) => {
    let lines: string[];
    try {
      lines = await action();
    } catch (e) {
      lines = [e instanceof Error ? e.message : String(e)];
    }
    if (lines.length > 0) await notify(lines);
    event.completed();
  };
}

Office.onReady(() => {
  for (const [id, action] of Object.entries(ACTIONS)) {
    const handler = command(action);
    Office.actions?.associate(id, handler);
    (window as unknown as Record<string, unknown>)[id] = handler;
  }
});
