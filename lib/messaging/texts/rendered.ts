import { textMessage, type MetaMessage } from "@/lib/meta/messages";
import type { MessageLocale } from "./types";

/**
 * A DM ready for the Send API. `message` is the rich form (button template, quick replies);
 * `fallback` is plain text carrying the same information (and the link, when there is one) for
 * when a template is refused; `text` is the readable version for logs and the dashboard.
 */
export type RenderedDm = { locale: MessageLocale; message: MetaMessage; fallback: MetaMessage; text: string };

export function plainDm(locale: MessageLocale, text: string): RenderedDm {
  const message = textMessage(text);
  return { locale, message, fallback: message, text };
}
