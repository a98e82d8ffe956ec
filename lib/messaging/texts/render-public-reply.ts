import { clampText } from "@/lib/meta/messages";
import { displayFirstName } from "./format";
import { createTexts, type TextOptions } from "./translator";

const PUBLIC_REPLY_MAX = 200;
// Public comments must never show a checkout link or a price: Meta's anti-spam rules and the
// buyer's privacy. Overrides cannot reach those values through placeholders, but a seller could
// still type one literally, so the rendered line is checked too.
const LINK = /(https?:\/\/|www\.|\b[\w-]+\.(com|cl|net|org|app|io|shop|store|link|ly)\b)/i;
const PRICE = /([$€£¥₹₩₱₲₡₦₴₸₺₽฿]\s?\d|\d\s?[$€£¥₹₩₱₲₡₦₴₸₺₽฿]|\b[A-Z]{3}\s?\d|\d\s?\b(USD|EUR|CLP|MXN|ARS|BRL|PEN|COP|UYU|BOB|PYG|GBP)\b|R\$)/;

export function containsLinkOrPrice(text: string): boolean {
  return LINK.test(text) || PRICE.test(text);
}

function oneLine(text: string): string {
  return clampText(text.replace(/\s*[\r\n]+\s*/g, " ").trim(), PUBLIC_REPLY_MAX);
}

function render(options: TextOptions, key: "publicReply" | "publicReplyFallback", vars: Record<string, string>): string {
  const texts = createTexts(options);
  const line = oneLine(texts.t(key, vars));
  if (!containsLinkOrPrice(line)) return line;
  // The seller's override leaked a link or price: fall back to the built-in wording.
  return oneLine(createTexts({ ...options, overrides: undefined }).t(key, vars));
}

/** The short public answer under a BUY comment once the private reply is on its way. */
export function renderPublicReply(options: TextOptions & { buyerName?: string | null }): string {
  return render(options, "publicReply", { name: displayFirstName(options.buyerName) });
}

/** The public answer when the page cannot send DMs: it points to Messenger, still without link or price. */
export function renderPublicFallbackReply(options: TextOptions & { buyerName?: string | null; storeName: string }): string {
  return render(options, "publicReplyFallback", { name: displayFirstName(options.buyerName), store: options.storeName });
}
