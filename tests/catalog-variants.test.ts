import { describe, expect, test } from "vitest";
import * as importRoute from "@/app/api/v1/inventory/import/route";
import * as products from "@/app/api/v1/inventory/products/route";
import * as productById from "@/app/api/v1/inventory/products/[id]/route";
import * as classify from "@/app/api/v1/ai/classify/route";
import { hotPathDb } from "@/lib/db";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

/** The Chilean store of issue 13: the CSV it already had, sizes only in names and SKUs. */
const CSV = [
  "sku,name,description,price,stock,keywords",
  "CAM-AZU-S,Camisa Azul S,Popelina,14990,3,camisa azul;blusa azul",
  "CAM-AZU-L,Camisa Azul L,Popelina,14990,2,camisa azul;blusa azul",
  "PLR-GRI-M,Polerón Gris,Talla M. Canguro,19990,2,poleron",
  "PLR-GRI-L,Polerón Gris,Talla L. Canguro,19990,2,poleron",
].join("\n");

const importCsv = (token: string, storeId: string, csv: string, dryRun = false) =>
  call(importRoute.POST, { path: `/api/v1/inventory/import?store_id=${storeId}${dryRun ? "&dry_run=1" : ""}`, token, rawBody: csv, headers: { "content-type": "text/csv" } });

async function variantsOf(storeId: string) {
  const rows = await hotPathDb.$queryRaw<{ sku: string; color: string | null; size: string | null; groupKey: string | null; variantInferred: string[] }[]>`
    SELECT sku, color, size, "groupKey", "variantInferred" FROM products WHERE "storeId" = ${storeId} ORDER BY sku`;
  return Object.fromEntries(rows.map((r) => [r.sku, r]));
}

describe("variants from what the seller wrote (issue 13)", () => {
  test("an import without variant columns stores the sizes, colours and groups it reads, and the preview shows the groups", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const preview = await importCsv(seller.accessToken, store.id, CSV, true);
    expect(preview.status).toBe(200);
    expect(preview.body.groups).toEqual([
      { group: "Camisa", variants: ["Azul S", "Azul L"] },
      { group: "Polerón", variants: ["Gris M", "Gris L"] },
    ]);
    expect(await variantsOf(store.id)).toEqual({});

    expect((await importCsv(seller.accessToken, store.id, CSV)).status).toBe(200);
    const v = await variantsOf(store.id);
    expect(v["CAM-AZU-S"]).toMatchObject({ color: "Azul", size: "S", groupKey: "Camisa" });
    expect(v["PLR-GRI-L"]).toMatchObject({ color: "Gris", size: "L", groupKey: "Polerón" });
    expect(new Set(v["CAM-AZU-S"]!.variantInferred)).toEqual(new Set(["color", "size", "group"]));

    // The bot reads the import: the size decides, and without one it asks with the candidates.
    const s = await call(classify.POST, { path: "/api/v1/ai/classify", token: seller.accessToken, body: { store_id: store.id, text: "Quiero 2 de la camisa azul S" } });
    expect(s.body).toMatchObject({ intent: "BUY", sku: "CAM-AZU-S", quantity: 2, candidates: [] });
    const ask = await call(classify.POST, { path: "/api/v1/ai/classify", token: seller.accessToken, body: { store_id: store.id, text: "quiero la camisa azul" } });
    expect(ask.body.sku).toBeNull();
    expect(new Set(ask.body.candidates)).toEqual(new Set(["CAM-AZU-S", "CAM-AZU-L"]));
    const code = await call(classify.POST, { path: "/api/v1/ai/classify", token: seller.accessToken, body: { store_id: store.id, text: "cam-azu-s 1" } });
    expect(code.body).toMatchObject({ intent: "BUY", sku: "CAM-AZU-S", quantity: 1 });
  });

  test("optional color,size,group columns are the seller's and are never re-inferred", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    const csv = "sku,name,description,price,stock,keywords,size,color,group\nCAM-AZU-S,Camisa Azul S,,14990,3,,M,Celeste,Camisas\nCAM-AZU-L,Camisa Azul L,,14990,2,,,,\n";
    expect((await importCsv(seller.accessToken, store.id, csv)).status).toBe(200);
    const v = await variantsOf(store.id);
    expect(v["CAM-AZU-S"]).toMatchObject({ color: "Celeste", size: "M", groupKey: "Camisas", variantInferred: [] });
    expect(v["CAM-AZU-L"]).toMatchObject({ color: "Azul", size: "L" });
  });

  test("a product change re-infers what the seller did not set, and an edit in the product editor makes it theirs", async () => {
    const seller = await signUp();
    const store = await createStoreFor(seller.accessToken);
    await importCsv(seller.accessToken, store.id, CSV);
    const list = await call(products.GET, { path: `/api/v1/inventory/products?store_id=${store.id}`, token: seller.accessToken });
    const s = list.body.find((p: { sku: string }) => p.sku === "CAM-AZU-S");
    expect(s).toMatchObject({ color: "Azul", size: "S", group_key: "Camisa" });

    const renamed = await call(productById.PATCH, { path: `/api/v1/inventory/products/${s.id}`, method: "PATCH", token: seller.accessToken, params: { id: s.id }, body: { name: "Blusa Verde S" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ color: "Verde", size: "S" });
    // The blue L is the only shirt now: no group of one.
    expect((await variantsOf(store.id))["CAM-AZU-L"]!.groupKey).toBeNull();

    const edited = await call(productById.PATCH, { path: `/api/v1/inventory/products/${s.id}`, method: "PATCH", token: seller.accessToken, params: { id: s.id }, body: { size: "XS" } });
    expect(edited.body.size).toBe("XS");
    await call(productById.PATCH, { path: `/api/v1/inventory/products/${s.id}`, method: "PATCH", token: seller.accessToken, params: { id: s.id }, body: { name: "Blusa Verde L" } });
    expect((await variantsOf(store.id))["CAM-AZU-S"]).toMatchObject({ size: "XS", color: "Verde" });
  });
});
