import type { FeedComment } from "@/lib/live-control/feed";
import type { LiveCart } from "@/lib/live-control/carts";
import type { LiveState } from "@/lib/live-control/live-state";
import type { BuyerConversation } from "@/lib/live-control/buyer-conversation";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";

export type { FeedComment, LiveCart, LiveState, BuyerConversation };

/** The catalog slices the Control Center uses. */
export type LccText = Pick<Messages, "live" | "orders" | "intents" | "orderStatus" | "messageStatus" | "paymentStatus" | "inventory" | "common">;

/** Formatting in the seller's language, with times in the store's zone and money in the store's currency. */
export type LccFormat = { money: (minor: number) => string; time: (iso: string) => string; num: (n: number) => string; ms: (ms: number | null) => string };

export function makeFormat({ uiLocale, storeLocale, currency, timezone }: { uiLocale: string; storeLocale: string; currency: string; timezone: string }): LccFormat {
  const money = new Intl.NumberFormat(storeLocale, { style: "currency", currency });
  const digits = money.resolvedOptions().maximumFractionDigits ?? 2;
  const time = new Intl.DateTimeFormat(uiLocale, { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: timezone });
  const num = new Intl.NumberFormat(uiLocale);
  const sec = new Intl.NumberFormat(uiLocale, { maximumFractionDigits: 1 });
  return {
    money: (minor) => money.format(minor / 10 ** digits),
    time: (iso) => time.format(new Date(iso)),
    num: (n) => num.format(n),
    ms: (ms) => (ms === null ? "—" : ms < 1000 ? `${num.format(ms)} ms` : `${sec.format(ms / 1000)} s`),
  };
}
