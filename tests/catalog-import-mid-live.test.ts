import { describe, expect, test } from "vitest";
import * as importRoute from "@/app/api/v1/inventory/import/route";
import { prisma } from "@/lib/db";
import { ingestMetaEvents } from "@/lib/pipeline/ingest-meta-events";
import { understandComment } from "@/lib/pipeline/understand-comment";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

/** What a seller does during a live: the bot has been answering, then she imports her own CSV (sizes only in the names). */
const CSV = ["sku,name,description,price,stock,keywords", "CAM-AZU-S,Camisa Azul S,Popelina,14990,3,camisa azul", "CAM-AZU-L,Camisa Azul L,Popelina,14990,2,camisa azul"].join("\n");

describe("a catalog imported in the middle of a live", () => {
  test("the very next comment is read against it, typos and all, though the worker had the old catalog cached", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const pageId = String(100000000 + Math.floor(Math.random() * 899999999));
    await prisma.store.update({ where: { id: store.id }, data: { fbPageId: pageId } });
    const live = await prisma.live.create({ data: { storeId: store.id, fbVideoId: `vid${pageId}`, fbPostId: `${pageId}_post`, title: "Live" } });
    let n = 0;
    const understand = async (message: string) => {
      const commentId = `c_mid_${pageId}_${++n}`;
      await ingestMetaEvents([{ type: "comment", pageId, commentId, postId: live.fbPostId!, from: { id: `buyer_${n}`, name: "Fátima" }, message, createdTime: new Date() }]);
      const c = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: commentId } });
      return understandComment({ commentId: c.id });
    };
    // The catalog is empty: the worker caches that, and a buyer asking for the shirt gets no product.
    expect(await understand("kiero la camisa azul talla s")).toMatchObject({ action: "act", productId: null });

    const imported = await call(importRoute.POST, { path: `/api/v1/inventory/import?store_id=${store.id}`, token: seller.accessToken, rawBody: CSV, headers: { "content-type": "text/csv" } });
    expect(imported.status).toBe(200);
    const small = await prisma.product.findFirstOrThrow({ where: { storeId: store.id, sku: "CAM-AZU-S" } });
    expect(await understand("kiero la camisa azul talla s")).toMatchObject({ action: "act", intent: "BUY", sku: "CAM-AZU-S", productId: small.id });
    expect(await understand("أريد CAM-AZU-L")).toMatchObject({ action: "act", intent: "BUY", sku: "CAM-AZU-L" });
  });
});
