import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { buildCatalogIndex } from "./catalog-index";
import { classifyComment } from "./classify-comment";
import { createLlmClassifier } from "./llm";
import { inferVariants } from "./infer-variants";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "@/tests/fakes/openai-server";
import type { CatalogProduct } from "./types";

const catalog = JSON.parse(readFileSync(new URL("../../tests/fixtures/comments/catalog.json", import.meta.url), "utf8")) as CatalogProduct[];
const index = buildCatalogIndex(catalog);
// "la de flores" fits the floral t-shirt and the floral dress equally: the rules must ask.
const UNSURE = "quiero la de flores";

let fake: FakeOpenAiServer;
let clock = 1_000_000;

beforeAll(async () => {
  fake = await startFakeOpenAiServer();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.requests.length = 0;
  fake.mode = "structured";
  fake.answer = () => ({ intent: "BUY", sku: "V-301", quantity: 1, confidence: 0.9, language: "es", erase: false, reason: "floral dress" });
});

function classifier(overrides: Partial<Parameters<typeof createLlmClassifier>[0]> = {}) {
  return createLlmClassifier({ apiKey: "test-key", baseURL: fake.baseURL, model: "fake-model", timeoutMs: 1000, now: () => clock, ...overrides });
}

describe("LLM fallback", () => {
  it("sends a structured-output request with the five most relevant products", async () => {
    fake.answer = () => ({ intent: "BUY", sku: "V-301", quantity: 1, confidence: 0.9, language: "es", erase: false, reason: "floral dress" });
    const result = await classifyComment({ text: UNSURE, index, llm: classifier() });

    expect(fake.requests).toHaveLength(1);
    const { body, authorization } = fake.requests[0];
    expect(authorization).toBe("Bearer test-key");
    expect(body.model).toBe("fake-model");
    expect(body.response_format?.type).toBe("json_schema");
    expect(body.response_format?.json_schema?.strict).toBe(true);
    expect(body.response_format?.json_schema?.schema).toMatchObject({ required: expect.arrayContaining(["intent", "sku", "quantity", "confidence"]) });
    const user = JSON.parse(body.messages.find((m) => m.role === "user")?.content ?? "{}") as { comment: string; products: Array<{ sku: string }> };
    expect(user.comment).toBe(UNSURE);
    expect(user.products).toHaveLength(5);
    expect(user.products.slice(0, 2).map((p) => p.sku).sort()).toEqual(["A20", "V-301"]);
    expect(result).toMatchObject({ engine: "llm", intent: "BUY", sku: "V-301", quantity: 1 });
  });

  it("does not call the LLM when the rules are confident", async () => {
    const result = await classifyComment({ text: "quiero la A12", index, llm: classifier() });
    expect(fake.requests).toHaveLength(0);
    expect(result).toMatchObject({ engine: "rules", intent: "BUY", sku: "A12" });
  });

  it("asks the LLM about an OTHER that carries purchase cues", async () => {
    fake.answer = () => ({ intent: "OTHER", sku: null, quantity: null, confidence: 0.8, language: "es", erase: false, reason: "joke" });
    const result = await classifyComment({ text: "jaja quiero todo pero no tengo plata", index, llm: classifier() });
    expect(fake.requests).toHaveLength(1);
    expect(result).toMatchObject({ engine: "llm", intent: "OTHER", quantity: null });
  });

  it("drops a SKU the catalog does not have and maps a mis-cased one", async () => {
    fake.answer = (comment) =>
      comment.includes("flores")
        ? { intent: "BUY", sku: "ZZ-999", quantity: 2, confidence: 0.9, language: "es", erase: false, reason: "invented" }
        : { intent: "BUY", sku: "v301", quantity: 1, confidence: 0.9, language: "es", erase: false, reason: "lower case" };
    const llm = classifier();
    const invented = await classifyComment({ text: UNSURE, index, llm });
    expect(invented.sku).toBeNull();
    expect(invented.candidates).toEqual(expect.arrayContaining(["A20", "V-301"]));
    const cased = await classifyComment({ text: "me gusta ese largo", index, llm });
    expect(cased.sku).toBe("V-301");
  });

  it("serves a repeated comment from the cache without a second call", async () => {
    const llm = classifier();
    const first = await classifyComment({ text: UNSURE, index, llm });
    const second = await classifyComment({ text: "QUIERO la de floreees", index, llm });
    expect(fake.requests).toHaveLength(1);
    expect(first.engine).toBe("llm");
    expect(second).toMatchObject({ engine: "cache", sku: "V-301" });
  });

  it("keys the cache by catalog version, so a changed catalog asks again", async () => {
    const llm = classifier();
    await classifyComment({ text: UNSURE, index, llm });
    const changed = buildCatalogIndex(catalog.map((p) => (p.sku === "V-301" ? { ...p, name: "Vestido floral maxi" } : p)));
    await classifyComment({ text: UNSURE, index: changed, llm });
    expect(fake.requests).toHaveLength(2);
  });

  it("opens the breaker after repeated failures, stops calling, and recovers after the cool-down", async () => {
    fake.mode = "fail";
    const llm = classifier({ breaker: { failureThreshold: 3, coolDownMs: 10_000 } });
    const texts = ["quiero la de flores", "la de cuero", "me gusta la negra", "yo la roja", "lo quiero", "la azul porfa"];
    const results = [];
    for (const text of texts) results.push(await classifyComment({ text, index, llm }));

    expect(fake.requests).toHaveLength(3);
    expect(llm.breakerState()).toBe("open");
    expect(results.every((r) => r.engine === "rules")).toBe(true);
    expect(results.slice(0, 3).map((r) => r.fallback)).toEqual(["llm http", "llm http", "llm http"]);
    expect(results.slice(3).map((r) => r.fallback)).toEqual(["llm breaker-open", "llm breaker-open", "llm breaker-open"]);

    clock += 10_001;
    expect(llm.breakerState()).toBe("half-open");
    fake.mode = "structured";
    const recovered = await classifyComment({ text: "quiero algo de flores", index, llm });
    expect(fake.requests).toHaveLength(4);
    expect(recovered.engine).toBe("llm");
    expect(llm.breakerState()).toBe("closed");
  });

  it("falls back to the rules answer when the LLM times out", async () => {
    fake.mode = "slow";
    fake.slowMs = 3000;
    const llm = classifier({ timeoutMs: 150 });
    const started = Date.now();
    const result = await classifyComment({ text: UNSURE, index, llm });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result).toMatchObject({ engine: "rules", fallback: "llm timeout", intent: "BUY", sku: null });
  });

  it("accepts a plain JSON reply when the endpoint ignores structured output", async () => {
    fake.mode = "plain";
    const result = await classifyComment({ text: UNSURE, index, llm: classifier() });
    expect(result).toMatchObject({ engine: "llm", sku: "V-301" });
  });

  it("keeps the rules answer when the reply is not JSON", async () => {
    fake.mode = "garbage";
    const result = await classifyComment({ text: UNSURE, index, llm: classifier() });
    expect(result).toMatchObject({ engine: "rules", fallback: "llm invalid", intent: "BUY" });
  });

  it("keeps the rules answer when the LLM is less confident than the rules", async () => {
    fake.answer = () => ({ intent: "OTHER", sku: null, quantity: null, confidence: 0.3, language: "es", erase: false, reason: "unsure" });
    const result = await classifyComment({ text: UNSURE, index, llm: classifier() });
    expect(result).toMatchObject({ engine: "rules", fallback: "llm less confident", intent: "BUY" });
  });

  it("never echoes markup from the model into the reason", async () => {
    fake.answer = () => ({ intent: "BUY", sku: "V-301", quantity: 1, confidence: 0.9, language: "es", erase: false, reason: "<script>alert(1)</script> dress" });
    const result = await classifyComment({ text: UNSURE, index, llm: classifier() });
    expect(result.reason).not.toMatch(/[<>]/);
  });
});

describe("LLM fallback on a catalog with variants in the names (issue 13)", () => {
  const variants = inferVariants([
    { sku: "CAM-AZU-S", name: "Camisa Azul S" },
    { sku: "CAM-AZU-L", name: "Camisa Azul L" },
    { sku: "POL-NEG-M", name: "Polera Negra M" },
  ]);
  const shirts = buildCatalogIndex(
    ["CAM-AZU-S", "CAM-AZU-L", "POL-NEG-M"].map((sku, i) => ({ sku, name: ["Camisa Azul S", "Camisa Azul L", "Polera Negra M"][i]!, keywords: [], color: variants[i]!.color, size: variants[i]!.size, group: variants[i]!.group, available: 2 })),
  );

  it("shows the model the variant groups and keeps the candidates it returns", async () => {
    fake.answer = () => ({ intent: "BUY", sku: null, candidates: ["cam-azu-s", "CAM-AZU-L", "NOPE-1"], quantity: 1, confidence: 0.9, language: "es", erase: false, reason: "which size?" });
    const result = await classifyComment({ text: "quiero la camisa azul", index: shirts, llm: classifier() });
    expect(fake.requests).toHaveLength(1);
    const user = JSON.parse(fake.requests[0]!.body.messages.find((m) => m.role === "user")?.content ?? "{}") as { products: Array<{ sku: string; group: string | null }>; variant_groups: Array<{ group: string; variants: Array<{ sku: string; size: string }> }> };
    expect(user.variant_groups).toEqual([{ group: "Camisa", variants: [expect.objectContaining({ sku: "CAM-AZU-S", size: "S" }), expect.objectContaining({ sku: "CAM-AZU-L", size: "L" })] }]);
    expect(fake.requests[0]!.body.response_format?.json_schema?.schema).toMatchObject({ required: expect.arrayContaining(["candidates"]) });
    // Unknown SKUs are dropped, spellings resolved to the catalog's.
    expect(result).toMatchObject({ engine: "llm", intent: "BUY", sku: null, candidates: ["CAM-AZU-S", "CAM-AZU-L"] });
  });

  it("drops candidates when the model also picked a SKU", async () => {
    fake.answer = () => ({ intent: "BUY", sku: "CAM-AZU-S", candidates: ["CAM-AZU-L"], quantity: 1, confidence: 0.95, language: "es", erase: false, reason: "size S" });
    const result = await classifyComment({ text: "quiero la camisa azul", index: shirts, llm: classifier() });
    expect(result.sku).toBe("CAM-AZU-S");
    expect(result.candidates).toBeUndefined();
  });
});

describe("LLM metrics (issue 20)", () => {
  const sample = async (name: string, labels = "") => {
    const { metrics } = await import("@/lib/observability/metrics");
    const text = await metrics().registry.metrics();
    const line = text.split("\n").find((l) => l.startsWith(`${name}${labels} `));
    return line ? Number(line.split(" ").at(-1)) : 0;
  };

  it("counts each call by outcome, times the ones that reached the model, and shows the breaker open", async () => {
    const okBefore = await sample("lss_llm_calls_total", '{outcome="ok"}');
    const cacheBefore = await sample("lss_llm_calls_total", '{outcome="cache"}');
    const timedBefore = await sample("lss_llm_call_seconds_count");
    const llm = classifier({ breaker: { failureThreshold: 1, coolDownMs: 60_000 } });
    await classifyComment({ text: UNSURE, index, llm });
    await classifyComment({ text: UNSURE, index, llm }); // same text: the cache answers
    expect((await sample("lss_llm_calls_total", '{outcome="ok"}')) - okBefore).toBe(1);
    expect((await sample("lss_llm_calls_total", '{outcome="cache"}')) - cacheBefore).toBe(1);
    expect((await sample("lss_llm_call_seconds_count")) - timedBefore).toBe(1);
    expect(await sample("lss_llm_breaker_open")).toBe(0);

    fake.mode = "fail";
    const httpBefore = await sample("lss_llm_calls_total", '{outcome="http"}');
    const skippedBefore = await sample("lss_llm_calls_total", '{outcome="skipped"}');
    await classifyComment({ text: "quiero la de flores porfa", index, llm });
    await classifyComment({ text: "quiero la de flores ya", index, llm });
    expect((await sample("lss_llm_calls_total", '{outcome="http"}')) - httpBefore).toBe(1);
    expect((await sample("lss_llm_calls_total", '{outcome="skipped"}')) - skippedBefore).toBe(1);
    expect(await sample("lss_llm_breaker_open")).toBe(1);
  });
});
