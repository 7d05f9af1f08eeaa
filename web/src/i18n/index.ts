// The translator: t("key", { name: "…" }) returns the message in the app's
// language (Bahasa Indonesia), with {name} placeholders filled in.
import { id, type MessageKey } from "./id";
import { reword } from "./terms";

export type { MessageKey } from "./id";

const messages: Record<MessageKey, string> = id;

/** The message named key with its {placeholders} replaced by params. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  // The program's words go in before the params, which are the user's own text.
  const text = reword(messages[key]);
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The language tag of the messages, for Intl formatting and <html lang>. */
export const locale = "id-ID";
