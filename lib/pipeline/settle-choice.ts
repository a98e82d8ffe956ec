import { hotPathDb, prisma } from "@/lib/db";
import { sendOutbound } from "@/lib/messaging/send-message";
import { renderChoiceExpiredDm, renderOutOfStockDm, type Tone, type StoreTextOverrides } from "@/lib/messaging/texts";
import { publishStoreEvent } from "@/lib/realtime/publish";
import { reserveForComment } from "./reserve-for-comment";
import { sendOrderCheckoutDm } from "./order-messages";
import { parseChoiceToken } from "./choice-options";

/** A question is answerable while the comment's private-reply window (7 days) is open. */
const CHOICE_TTL_MS = 7 * 24 * 3600 * 1000;

export type ChosenProduct = { commentId: string; storeId: string; buyerId: string; productId: string; sku: string; productName: string; quantity: number; expired: boolean };

type ChoiceRow = { commentId: string; storeId: string; buyerId: string | null; createdTime: Date; quantity: number | null; candidates: string[] | null; productId: string | null; sku: string | null; productName: string | null };

/**
 * What a tap (PICK:<comment>_<position>) or a seller's choice points at: one product of the comment's
 * stored list, in the same store (and, for a buyer's tap, the buyer's own comment). Null when the token,
 * the comment or the product does not check out. One statement.
 */
export async function findChosenProduct({ storeId, commentId, position, sku, buyerId }: { storeId: string; commentId: string; position?: number; sku?: string; buyerId?: string }): Promise<ChosenProduct | null> {
  const [row] = await hotPathDb.$queryRaw<ChoiceRow[]>`
    SELECT c.id AS "commentId", c."storeId", c."buyerId", c."createdTime", c.quantity, c.candidates, p.id AS "productId", p.sku, p.name AS "productName"
    FROM comments c
    LEFT JOIN products p ON p."storeId" = c."storeId" AND p.active AND p."deletedAt" IS NULL
      AND p.sku = coalesce(${sku ?? null}::text, (c.candidates)[${(position ?? -1) + 1}::int])
      AND p.sku = ANY(c.candidates)
    WHERE c.id = ${commentId} AND c."storeId" = ${storeId} AND (${buyerId ?? null}::text IS NULL OR c."buyerId" = ${buyerId ?? null}::text)`;
  if (!row || !row.productId || !row.buyerId) return null;
  return {
    commentId: row.commentId,
    storeId: row.storeId,
    buyerId: row.buyerId,
    productId: row.productId,
    sku: row.sku!,
    productName: row.productName!,
    quantity: row.quantity ?? 1,
    expired: Date.now() - new Date(row.createdTime).getTime() > CHOICE_TTL_MS,
  };
}

/** The buyer's tap: PICK:<token> → the chosen product, if the token is one of ours for this buyer. */
export async function findTappedProduct({ storeId, buyerId, token }: { storeId: string; buyerId: string; token: string }) {
  const parsed = parseChoiceToken(token);
  return parsed ? findChosenProduct({ storeId, buyerId, commentId: parsed.commentId, position: parsed.position }) : null;
}

export type SettledChoice =
  | { status: "reserved"; orderId: string; dm: string }
  | { status: "out_of_stock"; dm: string }
  | { status: "expired"; dm: string }
  | { status: "skipped"; reason: string };

/**
 * The answer to "which one?": the buyer's tap and the seller's one-tap resolution both end here.
 * Reserves exactly once per comment (the reservation's key is the comment, so a redelivered or second
 * tap replays the first result), then sends the cart DM (one per comment, by its key) — or the
 * waitlist offer when the product sold out meanwhile. A question older than the comment's
 * private-reply window only gets a note that it expired.
 */
export async function settleChoice(choice: ChosenProduct): Promise<SettledChoice> {
  // Taps of one question are settled one at a time (a redelivered tap and a second tap can run at once):
  // the second then finds the reservation and the DM of the first and adds nothing. A transaction-scoped
  // advisory lock on the comment; the work itself runs on the usual connections.
  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`pick:${choice.commentId}`}, 0))::text AS locked`;
      return settleChoiceLocked(choice);
    },
    { maxWait: 60_000, timeout: 120_000 },
  );
}

async function settleChoiceLocked(choice: ChosenProduct): Promise<SettledChoice> {
  const { commentId, storeId, buyerId } = choice;
  if (choice.expired) {
    const text = await textContext(commentId);
    const res = await sendOutbound({ storeId, buyerId, commentId, kind: "DM", purpose: "choice_expired", idempotencyKey: `pick:${commentId}:expired`, message: renderChoiceExpiredDm(text).message });
    return { status: "expired", dm: res.status };
  }
  const r = await reserveForComment({ commentId, productId: choice.productId, quantity: choice.quantity, buyerId });
  if (r.status === "skipped") return { status: "skipped", reason: r.reason };
  // The comment now names what was chosen (the feed, the waitlist and the order read it); a later tap changes nothing.
  const [c] = await hotPathDb.$queryRaw<{ liveId: string | null }[]>`
    UPDATE comments SET sku = coalesce(sku, ${choice.sku}), quantity = coalesce(quantity, ${choice.quantity}::int), status = 'PROCESSED', "processedAt" = coalesce("processedAt", now()),
      reason = CASE WHEN sku IS NULL THEN coalesce(reason, '') || ' — chosen: ' || ${choice.sku} ELSE reason END
    WHERE id = ${commentId} RETURNING "liveId"`;
  publishStoreEvent(storeId, { type: "comment.processed", commentId, liveId: c?.liveId ?? null });
  if (r.status === "out_of_stock") {
    const text = await textContext(commentId);
    const res = await sendOutbound({
      storeId, buyerId, commentId, kind: "DM", purpose: "waitlist_offer", idempotencyKey: `pick:${commentId}:sold-out`,
      message: renderOutOfStockDm({ ...text, productName: choice.productName, token: commentId }).message,
    });
    return { status: "out_of_stock", dm: res.status };
  }
  const dm = await sendOrderCheckoutDm({ orderId: r.orderId, key: `pick:${commentId}:dm` });
  return { status: "reserved", orderId: r.orderId, dm: dm.status };
}

async function textContext(commentId: string) {
  const [row] = await hotPathDb.$queryRaw<{ language: string | null; buyerLocale: string | null; storeLocale: string; botTone: string; messageTexts: unknown }[]>`
    SELECT c.language, b.locale AS "buyerLocale", s.locale AS "storeLocale", s."botTone", s."messageTexts"
    FROM comments c JOIN stores s ON s.id = c."storeId" LEFT JOIN buyers b ON b.id = c."buyerId" WHERE c.id = ${commentId}`;
  // The comment's language is the one chosen to answer it (see replyLanguage).
  return { locale: row?.language ?? row?.buyerLocale ?? null, storeLocale: row?.storeLocale ?? null, tone: (row?.botTone ?? "friendly") as Tone, overrides: (row?.messageTexts ?? {}) as StoreTextOverrides };
}
