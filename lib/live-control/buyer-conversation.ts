import type { Buyer } from "@/generated/prisma/client";
import { prisma } from "@/lib/db";
import { MESSAGING_WINDOW_MS } from "@/lib/messaging/send-message";

type ConversationEntry =
  | { kind: "comment"; id: string; at: string; text: string; intent: string | null; status: string; live_id: string | null }
  | { kind: "inbound"; id: string; at: string; text: string }
  | { kind: "outbound"; id: string; at: string; text: string; message_kind: string; purpose: string; status: string; error: string | null };

export type BuyerConversation = {
  id: string;
  name: string;
  bot_paused: boolean;
  bot_paused_at: string | null;
  opted_out: boolean;
  has_messenger_id: boolean;
  /** Inside Meta's 24 h window a DM can be sent freely; outside it only a reply to an unanswered comment. */
  in_messaging_window: boolean;
  locale: string | null;
  /** Blocked by the seller: comments are stored and shown, never reserve. */
  blocked: boolean;
  notes: string;
  tags: string[];
  entries: ConversationEntry[];
};

/** Best-effort plain text of a stored Send API body, for the seller's view of the conversation. */
function messageText(body: unknown): string {
  const b = body as { message?: unknown } | null;
  const m = (b?.message ?? b) as Record<string, unknown> | string | null;
  if (typeof m === "string") return m;
  if (!m || typeof m !== "object") return "";
  if (typeof m.text === "string") return m.text;
  const payload = (m.attachment as { payload?: { text?: string } } | undefined)?.payload;
  if (payload?.text) return payload.text;
  const template = m.template as { name?: string } | undefined;
  return template?.name ? `[template ${template.name}]` : "";
}

/** One buyer as the seller sees them during a takeover: state, and comments / DMs in both directions, newest last. */
export async function getBuyerConversation({ buyer, now = new Date() }: { buyer: Buyer; now?: Date }): Promise<BuyerConversation> {
  const [comments, inbound, outbound] = await Promise.all([
    prisma.comment.findMany({ where: { buyerId: buyer.id }, orderBy: { receivedAt: "desc" }, take: 50 }),
    prisma.inboundMessage.findMany({ where: { buyerId: buyer.id }, orderBy: { receivedAt: "desc" }, take: 50 }),
    prisma.outboundMessage.findMany({ where: { buyerId: buyer.id }, orderBy: { createdAt: "desc" }, take: 50 }),
  ]);
  const entries: ConversationEntry[] = [
    ...comments.map((c) => ({ kind: "comment" as const, id: c.id, at: c.receivedAt.toISOString(), text: c.text, intent: c.intent, status: c.status, live_id: c.liveId })),
    ...inbound.map((m) => ({ kind: "inbound" as const, id: m.id, at: m.receivedAt.toISOString(), text: m.text })),
    ...outbound.map((m) => ({
      kind: "outbound" as const,
      id: m.id,
      at: (m.sentAt ?? m.createdAt).toISOString(),
      text: m.kind === "PUBLIC_REPLY" ? messageText({ message: (m.body as { message?: unknown }).message }) : messageText(m.body),
      message_kind: m.kind,
      purpose: m.purpose,
      status: m.status,
      error: m.error,
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return {
    id: buyer.id,
    name: buyer.name,
    bot_paused: Boolean(buyer.botPausedAt),
    bot_paused_at: buyer.botPausedAt?.toISOString() ?? null,
    opted_out: Boolean(buyer.optedOutAt || buyer.erasedAt),
    has_messenger_id: Boolean(buyer.psid),
    in_messaging_window: Boolean(buyer.psid && buyer.lastInboundAt && now.getTime() - buyer.lastInboundAt.getTime() < MESSAGING_WINDOW_MS),
    locale: buyer.locale,
    blocked: Boolean(buyer.blockedAt),
    notes: buyer.notes,
    tags: buyer.tags,
    entries,
  };
}
