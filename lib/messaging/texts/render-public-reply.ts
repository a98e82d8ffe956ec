import { clampText } from "@/lib/meta/messages";
import { displayFirstName } from "./format";
import { createTexts, type TextOptions } from "./translator";
import type { TextKey } from "./types";

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

/** What the bot did about the comment; the public line must say exactly that. */
export type PublicReplyOutcome = "reserved" | "sold_out" | "asked";

// The line per outcome, and the one used when the page may not send private messages (PUBLIC_ONLY):
// then nothing may promise a DM, so every line points to Messenger instead.
const KEYS: Record<PublicReplyOutcome, { normal: TextKey; fallback: TextKey }> = {
  reserved: { normal: "publicReply", fallback: "publicReplyFallback" },
  sold_out: { normal: "publicReplySoldOut", fallback: "publicReplySoldOutFallback" },
  asked: { normal: "publicReplyAsked", fallback: "publicReplyFallback" },
};

function render(options: TextOptions, key: TextKey, vars: Record<string, string>): string {
  const texts = createTexts(options);
  const line = oneLine(texts.t(key, vars));
  if (!containsLinkOrPrice(line)) return line;
  // The seller's override leaked a link or price: fall back to the built-in wording.
  return oneLine(createTexts({ ...options, overrides: undefined }).t(key, vars));
}

/**
 * The short public answer under a comment the bot answered privately: "done, sent you the details"
 * when stock was reserved, "sold out, wrote to you about the waitlist", or "we wrote to you" when the
 * private reply asks the buyer something.
 */
export function renderPublicReply(options: TextOptions & { buyerName?: string | null; outcome?: PublicReplyOutcome }): string {
  return render(options, KEYS[options.outcome ?? "reserved"].normal, { name: displayFirstName(options.buyerName) });
}

/** The public answer when the page cannot send DMs: it points to Messenger, still without link or price. */
export function renderPublicFallbackReply(options: TextOptions & { buyerName?: string | null; storeName: string; outcome?: PublicReplyOutcome }): string {
  return render(options, KEYS[options.outcome ?? "reserved"].fallback, { name: displayFirstName(options.buyerName), store: options.storeName });
}

/**
 * The polite public line under a blocked buyer's buy comment (stores that chose "polite"): it reserves
 * nothing and promises nothing but that the seller will answer.
 */
export function renderBlockedBuyerReply(options: TextOptions & { buyerName?: string | null; storeName: string }): string {
  return render(options, "publicReplyBlocked", { name: displayFirstName(options.buyerName), store: options.storeName });
}
