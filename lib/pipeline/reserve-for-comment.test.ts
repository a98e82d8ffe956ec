import { afterEach, describe, expect, test } from "vitest";
import { randomBytes } from "node:crypto";
import { hotPathDb, prisma, type SqlClient } from "@/lib/db";
import { configureStoreEventPublisher, flushStoreEvents } from "@/lib/realtime/publish";
import { seedBuyer, seedStore } from "@/tests/helpers/seed";
import { reserveForComment } from "./reserve-for-comment";


async function buyComment({ storeId, liveId, buyerId, language = "es" }: { storeId: string; liveId: string | null; buyerId: string; language?: string }) {
  return prisma.comment.create({
    data: { storeId, liveId, buyerId, metaCommentId: `m_${randomBytes(6).toString("hex")}`, postId: "post", authorId: "author", text: "quiero A12", createdTime: new Date(), status: "PROCESSING", intent: "BUY", language },
  });
}

async function setup(stock = 10) {
  const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock, keywords: [], color: null, size: null }] });
  const buyer = await seedBuyer(seeded.store.id, seeded.pageId);
  const productId = seeded.products[0]!.id;
  const comment = () => buyComment({ storeId: seeded.store.id, liveId: seeded.live.id, buyerId: buyer.id });
  const reserved = async () => (await prisma.product.findUniqueOrThrow({ where: { id: productId } })).reserved;
  return { ...seeded, buyer, productId, comment, reserved };
}

afterEach(() => configureStoreEventPublisher({ db: hotPathDb, delayMs: 5 }));

/**
 * Opens a rival transaction and runs `rival` in it, starts `attempt`, waits until a statement containing
 * `waitsIn` is seen waiting on a lock (the rival's), then commits the rival and returns what `attempt` gave.
 */
async function againstRival<T>({ rival, attempt, waitsIn }: { rival: (conn: SqlClient) => Promise<unknown>; attempt: () => Promise<T>; waitsIn: string }): Promise<T> {
  // Wrapped, so the transaction commits before `attempt` (which waits on the rival) is awaited.
  const { pending, waiting } = await hotPathDb.$transaction(async (tx) => {
    await rival(tx);
    const pending = attempt();
    let waiting = false;
    for (let i = 0; i < 300 && !waiting; i++) {
      const [w] = await hotPathDb.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE ${`%${waitsIn}%`}`;
      waiting = w!.n > 0;
      if (!waiting) await new Promise((r) => setTimeout(r, 10));
    }
    return { pending, waiting };
  });
  expect(waiting).toBe(true);
  return pending;
}

describe("reserveForComment", () => {
  test("a BUY comment reserves, creates the order and links the comment to it in the same transaction", async () => {
    const { buyer, productId, comment, reserved } = await setup();
    const c = await comment();
    const r = await reserveForComment({ commentId: c.id, productId, quantity: 2, buyerId: buyer.id });
    expect(r).toMatchObject({ status: "reserved", addedToExistingCart: false, replayed: false });
    if (r.status !== "reserved") throw new Error("expected reservation");
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: c.id } })).orderId).toBe(r.orderId);
    const order = await prisma.order.findUniqueOrThrow({ where: { id: r.orderId }, include: { reservations: true } });
    expect(order).toMatchObject({ idempotencyKey: `comment:${c.id}`, commentId: c.id, buyerLocale: "es", totalMinor: 31980 });
    expect(order.reservations.map((x) => [x.commentId, x.quantity])).toEqual([[c.id, 2]]);
    expect(await reserved()).toBe(2);
  });

  test("kill switch turned off after the comment was understood: nothing is reserved (checked at reservation time)", async () => {
    const { store, live, buyer, productId, comment, reserved } = await setup();
    const c = await comment();
    await prisma.live.update({ where: { id: live.id }, data: { botEnabled: false } });
    expect(await reserveForComment({ commentId: c.id, productId, quantity: 1, buyerId: buyer.id })).toEqual({ status: "skipped", reason: "kill switch: bot disabled for this live" });
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(0);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(0);
    expect(await reserved()).toBe(0);
  });

  test("a buyer who opted out after the comment was understood gets nothing reserved", async () => {
    const { store, buyer, productId, comment, reserved } = await setup();
    const c = await comment();
    await prisma.buyer.update({ where: { id: buyer.id }, data: { optedOutAt: new Date() } });
    expect(await reserveForComment({ commentId: c.id, productId, quantity: 1, buyerId: buyer.id })).toEqual({ status: "skipped", reason: "buyer opted out" });
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(0);
    expect(await reserved()).toBe(0);
  });

  test("replay returns the first result: same order and cart flag, nothing reserved twice, even after the kill switch went off", async () => {
    const { store, live, buyer, productId, comment, reserved } = await setup();
    const first = await reserveForComment({ commentId: (await comment()).id, productId, quantity: 1, buyerId: buyer.id });
    const c = await comment();
    const merged = await reserveForComment({ commentId: c.id, productId, quantity: 1, buyerId: buyer.id });
    expect(merged).toMatchObject({ status: "reserved", addedToExistingCart: true, replayed: false });
    if (first.status !== "reserved" || merged.status !== "reserved") throw new Error("expected reservations");
    expect(merged.orderId).toBe(first.orderId);
    await prisma.live.update({ where: { id: live.id }, data: { botEnabled: false } });
    const replays = await Promise.all(Array.from({ length: 5 }, () => reserveForComment({ commentId: c.id, productId, quantity: 1, buyerId: buyer.id })));
    for (const r of replays) expect(r).toEqual({ status: "reserved", orderId: first.orderId, addedToExistingCart: true, replayed: true });
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(2);
    expect(await reserved()).toBe(2);
  });

  test("the same comment reserved 5 times concurrently yields one reservation and one order", async () => {
    const { store, buyer, productId, comment, reserved } = await setup();
    const c = await comment();
    const results = await Promise.all(Array.from({ length: 5 }, () => reserveForComment({ commentId: c.id, productId, quantity: 1, buyerId: buyer.id })));
    expect(new Set(results.map((r) => (r.status === "reserved" ? r.orderId : r.status))).size).toBe(1);
    expect(results.filter((r) => r.status === "reserved" && !r.replayed)).toHaveLength(1);
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(1);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(1);
    expect(await reserved()).toBe(1);
  });

  test("sold out: the answer names the SKU and what is left, and nothing is written", async () => {
    const { store, buyer, productId, comment } = await setup(1);
    const other = await seedBuyer(store.id, (await prisma.store.findUniqueOrThrow({ where: { id: store.id } })).fbPageId!);
    expect((await reserveForComment({ commentId: (await comment()).id, productId, quantity: 1, buyerId: buyer.id })).status).toBe("reserved");
    const c = await buyComment({ storeId: store.id, liveId: (await prisma.live.findFirstOrThrow({ where: { storeId: store.id } })).id, buyerId: other.id });
    expect(await reserveForComment({ commentId: c.id, productId, quantity: 1, buyerId: other.id })).toEqual({ status: "out_of_stock", productId, sku: "A12", available: 0 });
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(1);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: c.id } })).orderId).toBeNull();
  });

  test("the dashboard hears about a reservation after its commit (no NOTIFY inside the transaction), and nothing about a replay", async () => {
    const { store, buyer, productId, comment } = await setup();
    const sent: string[] = [];
    const capture: SqlClient = {
      $queryRaw: (async (_s: TemplateStringsArray, _channel: unknown, payloads: string[]) => {
        sent.push(...payloads);
        return [];
      }) as SqlClient["$queryRaw"],
      $executeRaw: async () => 0,
    };
    configureStoreEventPublisher({ db: capture, delayMs: 1000 });
    const c = await comment();
    const r = await reserveForComment({ commentId: c.id, productId, quantity: 1, buyerId: buyer.id });
    if (r.status !== "reserved") throw new Error("expected reservation");
    await reserveForComment({ commentId: c.id, productId, quantity: 1, buyerId: buyer.id }); // replay
    await flushStoreEvents();
    const events = sent.flatMap((p) => JSON.parse(p) as { storeId: string; type: string; orderId?: string; status?: string }[]).filter((e) => e.storeId === store.id);
    expect(events).toEqual([expect.objectContaining({ type: "order.updated", orderId: r.orderId, status: "PENDING" })]);
  });

  test("eight BUYs of one buyer at once land in one cart: one line, the summed total, the summed stock", async () => {
    const { store, buyer, productId, comment, reserved } = await setup(100);
    const comments = await Promise.all(Array.from({ length: 8 }, () => comment()));
    const results = await Promise.all(comments.map((c) => reserveForComment({ commentId: c.id, productId, quantity: 2, buyerId: buyer.id })));
    expect(results.every((r) => r.status === "reserved")).toBe(true);
    const orders = await prisma.order.findMany({ where: { storeId: store.id }, include: { items: true, reservations: true } });
    expect(orders).toHaveLength(1);
    expect(orders[0]!.items.map((i) => i.quantity)).toEqual([16]);
    expect(orders[0]!.reservations).toHaveLength(8);
    expect(orders[0]!.totalMinor).toBe(16 * 15990);
    expect(await reserved()).toBe(16);
    expect(results.filter((r) => r.status === "reserved" && !r.addedToExistingCart)).toHaveLength(1);
  });

  test("a cart that was paid is never joined: the next BUY opens a new order and both hold their own stock", async () => {
    const { store, buyer, productId, comment, reserved } = await setup(10);
    const first = await reserveForComment({ commentId: (await comment()).id, productId, quantity: 1, buyerId: buyer.id });
    if (first.status !== "reserved") throw new Error("expected reservation");
    await prisma.order.update({ where: { id: first.orderId }, data: { status: "PAID" } });
    const second = await reserveForComment({ commentId: (await comment()).id, productId, quantity: 1, buyerId: buyer.id });
    expect(second).toMatchObject({ status: "reserved", addedToExistingCart: false });
    if (second.status !== "reserved") throw new Error("expected reservation");
    expect(second.orderId).not.toBe(first.orderId);
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(2);
    expect(await reserved()).toBe(2);
  });

  test("sold out on the bot path writes nothing and leaves the pool healthy for the next comment", async () => {
    const { store, buyer, productId, comment, reserved } = await setup(1);
    const other = await seedBuyer(store.id, store.fbPageId!);
    expect(await reserveForComment({ commentId: (await comment()).id, productId, quantity: 1, buyerId: buyer.id })).toMatchObject({ status: "reserved" });
    const c2 = await buyComment({ storeId: store.id, liveId: (await prisma.live.findFirstOrThrow({ where: { storeId: store.id } })).id, buyerId: other.id });
    for (let i = 0; i < 5; i++) expect(await reserveForComment({ commentId: c2.id, productId, quantity: 1, buyerId: other.id })).toMatchObject({ status: "out_of_stock", available: 0 });
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(1);
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(1);
    expect(await reserved()).toBe(1);
    // The sold-out statements rolled back entirely, down to the buyer's cart version.
    expect((await prisma.buyer.findUniqueOrThrow({ where: { id: other.id } })).cartVersion).toBe(0);
    expect((await prisma.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).cartVersion).toBe(1);
  });

  test("another reservation of the same buyer commits while the write waits: the statement writes nothing, reads again and then reserves", async () => {
    const { store, buyer, productId, comment, reserved } = await setup(5);
    const c = await comment();
    const result = await againstRival({
      rival: (conn) => conn.$executeRaw`UPDATE buyers SET "cartVersion" = "cartVersion" + 1 WHERE id = ${buyer.id}`,
      attempt: () => reserveForComment({ commentId: c.id, productId, quantity: 1, buyerId: buyer.id }),
      waitsIn: "buyer_turn",
    });
    expect(result).toMatchObject({ status: "reserved", addedToExistingCart: false });
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(1);
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(1);
    expect(await reserved()).toBe(1);
    // The rival's bump, then this reservation's own (its first attempt changed nothing).
    expect((await prisma.buyer.findUniqueOrThrow({ where: { id: buyer.id } })).cartVersion).toBe(2);
  });

  test("the last unit taken by another transaction while the reservation writes: the statement aborts and nothing it wrote remains", async () => {
    const { store, buyer, productId, comment, reserved } = await setup(1);
    const c = await comment();
    // Another buyer's transaction takes the last unit and holds the row: the bot's read still sees 1 left.
    // The bot's statement writes its order first and then waits for the product row, last.
    const rival = await againstRival({
      rival: (conn) => conn.$executeRaw`UPDATE products SET reserved = reserved + 1 WHERE id = ${productId}`,
      attempt: () => reserveForComment({ commentId: c.id, productId, quantity: 1, buyerId: buyer.id }),
      waitsIn: "cart_lock",
    });
    expect(rival).toMatchObject({ status: "out_of_stock", available: 0 });
    expect(await prisma.order.count({ where: { storeId: store.id } })).toBe(0);
    expect(await prisma.orderItem.count({ where: { order: { storeId: store.id } } })).toBe(0);
    expect(await prisma.reservation.count({ where: { storeId: store.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { storeId: store.id, entityType: "order" } })).toBe(0);
    expect(await prisma.job.count({ where: { eventName: "order/created", payload: { path: ["data", "storeId"], equals: store.id } } })).toBe(0);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: c.id } })).orderId).toBeNull();
    expect(await reserved()).toBe(1);
  });
});
