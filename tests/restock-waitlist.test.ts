import { beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import type { FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { fakeGraphPerFile } from "./helpers/fake-graph";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { joinWaitlist } from "@/lib/orders/waitlist";
import * as productRoute from "@/app/api/v1/inventory/products/[id]/route";
import * as importRoute from "@/app/api/v1/inventory/import/route";
import { seedStore } from "./helpers/seed";
import { commentPayload, messagePayload, postWebhook } from "./helpers/meta-webhook";
import { call } from "./helpers/api";
import { sessionCookieFor } from "./helpers/session";

const fakeGraph = fakeGraphPerFile();
let graph: FakeGraphServer;
beforeEach(() => {
  graph = fakeGraph();
});

const run = () => runJobsUntilIdle({ functions: jobFunctions });
const origin = { origin: "http://localhost:3000", host: "localhost:3000" };
const checkoutDmsTo = (psid: string) => graph.calls.filter((c) => c.kind === "message" && JSON.stringify(c.body).includes(psid) && JSON.stringify(c.body).includes("/checkout/"));

describe("a restock serves the waitlist (CONTRACT §11)", () => {
  test("raised stock goes to the waitlist in order, one reservation and one DM each; the next restock (a CSV import) serves the next buyer", async () => {
    const seeded = await seedStore({ products: [{ sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 1, keywords: ["polera"], color: "rojo", size: "M" }] });
    forgetPageCredentials(seeded.store.id);
    const cookie = await sessionCookieFor(seeded.owner);
    const product = seeded.products[0]!;
    const buyers: { id: string; psid: string }[] = [];
    for (const who of ["first", "second", "third"]) {
      const c = commentPayload({ pageId: seeded.pageId, postId: seeded.live.fbPostId!, message: "quiero 1 A12", authorId: `a_${who}` });
      graph.registerCommentAuthor({ commentId: c.commentId, psid: `psid_${who}` });
      await postWebhook(c.payload);
      await run();
      const row = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: c.commentId } });
      // The first one reserved the only unit; the next two were offered the waitlist and answered "yes" (a message: Meta's window opens).
      if (who !== "first") {
        await postWebhook(messagePayload({ pageId: seeded.pageId, psid: `psid_${who}`, text: "sí, avísame" }));
        await run();
        await joinWaitlist({ commentId: row.id, buyerId: row.buyerId! });
      }
      buyers.push({ id: row.buyerId!, psid: `psid_${who}` });
    }
    graph.reset();

    const patched = await call(productRoute.PATCH, { method: "PATCH", path: `/api/v1/inventory/products/${product.id}`, params: { id: product.id }, headers: { cookie, ...origin }, body: { stock_delta: 1 } });
    expect(patched.status).toBe(200);
    await run();
    const entries = await prisma.waitlistEntry.findMany({ where: { productId: product.id }, orderBy: { createdAt: "asc" } });
    expect(entries.map((e) => e.status)).toEqual(["OFFERED", "WAITING"]);
    expect(await prisma.order.count({ where: { buyerId: buyers[1]!.id, status: "PENDING" } })).toBe(1);
    expect(checkoutDmsTo("psid_second")).toHaveLength(1);
    expect(checkoutDmsTo("psid_third")).toHaveLength(0);

    const csv = "sku,name,description,price,stock,keywords\nA12,Polera roja M,,15990,3,polera\n";
    const imported = await call(importRoute.POST, { method: "POST", path: `/api/v1/inventory/import?store_id=${seeded.store.id}`, headers: { cookie, ...origin, "content-type": "text/csv" }, rawBody: csv });
    expect(imported.status).toBe(200);
    await run();
    const after = await prisma.waitlistEntry.findMany({ where: { productId: product.id }, orderBy: { createdAt: "asc" } });
    expect(after.map((e) => e.status)).toEqual(["OFFERED", "OFFERED"]);
    expect(checkoutDmsTo("psid_third")).toHaveLength(1);
    expect(checkoutDmsTo("psid_second")).toHaveLength(1);
  });

  test("lowering stock or changing only the price offers nothing", async () => {
    const seeded = await seedStore({ products: [{ sku: "B1", name: "Bolso", priceMinor: 1000, stock: 5, keywords: [] }] });
    const cookie = await sessionCookieFor(seeded.owner);
    const product = seeded.products[0]!;
    await call(productRoute.PATCH, { method: "PATCH", path: `/api/v1/inventory/products/${product.id}`, params: { id: product.id }, headers: { cookie, ...origin }, body: { stock: 4 } });
    await call(productRoute.PATCH, { method: "PATCH", path: `/api/v1/inventory/products/${product.id}`, params: { id: product.id }, headers: { cookie, ...origin }, body: { price: 1200 } });
    expect(await prisma.job.count({ where: { eventName: "stock/released", payload: { path: ["data", "storeId"], equals: seeded.store.id } } })).toBe(0);
  });
});
