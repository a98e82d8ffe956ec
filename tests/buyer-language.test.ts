import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prisma } from "@/lib/db";
import { reloadEnv } from "@/tests/helpers/env";
import { runJobsUntilIdle } from "@/lib/jobs";
import { jobFunctions } from "@/inngest/functions";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { forgetPageCredentials } from "@/lib/messaging/graph";
import { resolveCheckoutLocale } from "@/lib/payments/checkout-locale";
import { seedStore } from "./helpers/seed";
import { commentPayload, postWebhook } from "./helpers/meta-webhook";

let graph: FakeGraphServer;

beforeAll(async () => {
  graph = await startFakeGraphServer();
  process.env.META_GRAPH_API_URL = graph.url;
  process.env.APP_URL = "http://localhost:3999";
  reloadEnv();
});
afterAll(async () => graph.close());
beforeEach(() => graph.reset());

const run = () => runJobsUntilIdle({ functions: jobFunctions });

type Seeded = Awaited<ReturnType<typeof seedStore>>;
async function chileanStore(): Promise<Seeded> {
  const seeded = await seedStore({
    country: "CL",
    currency: "CLP",
    locale: "es-CL",
    products: [
      { sku: "A12", name: "Polera roja M", priceMinor: 15990, stock: 10, keywords: ["polera"], color: "rojo", size: "M" },
      { sku: "BOL-01", name: "Bolsa negra", priceMinor: 24990, stock: 10, keywords: ["bolsa", "cartera"], color: "negro" },
      { sku: "CAL-12", name: "Calcetas de lana", priceMinor: 4990, stock: 10, keywords: ["calcetas"] },
    ],
  });
  forgetPageCredentials(seeded.store.id);
  return seeded;
}

/** Posts a signed comment, runs the pipeline and returns what Meta received for it: the public line and the DM text. */
async function commentAs(seeded: Seeded, message: string, { authorId, authorName = "Ana Souza" }: { authorId?: string; authorName?: string } = {}) {
  const c = commentPayload({ pageId: seeded.pageId, postId: seeded.live.fbPostId!, message, authorName, ...(authorId && { authorId }) });
  expect((await postWebhook(c.payload)).status).toBe(200);
  await run();
  const publicCalls = graph.calls.filter((x) => x.kind === "comment_reply" && x.path.includes(c.commentId));
  const privateCalls = graph.calls.filter((x) => x.kind === "private_reply" && JSON.stringify(x.body).includes(c.commentId));
  expect(publicCalls).toHaveLength(1);
  expect(privateCalls).toHaveLength(1);
  type Body = { message?: { text?: string; attachment?: { payload?: { text?: string } } } };
  const dm = privateCalls[0]!.body as Body;
  const comment = await prisma.comment.findUniqueOrThrow({ where: { metaCommentId: c.commentId } });
  const order = comment.orderId ? await prisma.order.findUniqueOrThrow({ where: { id: comment.orderId } }) : null;
  return {
    authorId: c.authorId,
    publicLine: String((publicCalls[0]!.body as { message?: string }).message),
    dmText: dm.message?.attachment?.payload?.text ?? dm.message?.text ?? "",
    comment,
    order,
  };
}

describe("the buyer's language", () => {
  test("a Portuguese comment in a Chilean store gets a Portuguese public reply, DM and checkout, even from a Spanish browser", async () => {
    const seeded = await chileanStore();
    // Her first comment is only a code: answered in the store's Spanish, which must not stick to her.
    const first = await commentAs(seeded, "BOL-01");
    expect(first.comment.language).toBe("es");
    expect(first.order?.buyerLocale).toBe("es");
    const r = await commentAs(seeded, "eu quero a bolsa preta", { authorId: first.authorId });
    expect(r.comment).toMatchObject({ intent: "BUY", sku: "BOL-01", language: "pt" });
    expect(r.publicLine).toBe("Pronto @Ana! Enviamos os detalhes por mensagem privada 📩");
    expect(r.dmText).toContain("Pronto Ana! Adicionamos o novo item ao seu carrinho");
    expect(r.dmText).toMatch(/• 2 × Bolsa negra — CLP\s49\.980/);
    expect(r.dmText).toMatch(/até as \d{2}:\d{2} ⏰/);
    expect(r.order?.buyerLocale).toBe("pt");
    // The checkout follows the language she was answered in before the browser's.
    expect(resolveCheckoutLocale({ buyerLocale: r.order!.buyerLocale, headers: new Headers({ "accept-language": "es-CL,es;q=0.9" }), storeLocale: "es-CL" })).toBe("pt");
  });

  test("'SOLD CAL-12' from a Chilean buyer is answered in the store's Spanish, with a 24-hour time and no zone name", async () => {
    const seeded = await chileanStore();
    const r = await commentAs(seeded, "SOLD CAL-12", { authorName: "Carla Pérez" });
    expect(r.comment).toMatchObject({ intent: "BUY", sku: "CAL-12", language: "es" });
    expect(r.publicLine).toBe("¡Listo @Carla! Te enviamos el detalle por mensaje privado 📩");
    expect(r.dmText).toContain("¡Hola Carla! Te reservamos esto");
    expect(r.dmText).toContain("Total: $4.990");
    expect(r.dmText).toMatch(/Te lo guardamos hasta las ([01]\d|2[0-3]):[0-5]\d ⏰/);
    expect(r.dmText).not.toMatch(/GMT|UTC|\b[AP]M\b|[ap]\. ?m\./i);
    expect(r.order?.buyerLocale).toBe("es");
  });

  test("an English comment in a Spanish store gets an English DM, with the store's currency as English writes it", async () => {
    const seeded = await chileanStore();
    const r = await commentAs(seeded, "I want the A12 please", { authorName: "Omar Khan" });
    expect(r.comment).toMatchObject({ intent: "BUY", sku: "A12", language: "en" });
    expect(r.publicLine).toBe("Done @Omar! We sent you the details in a private message 📩");
    expect(r.dmText).toContain("Hi Omar! We reserved this for you");
    expect(r.dmText).toMatch(/Total: CLP\s15,990\b/);
    expect(r.dmText).toMatch(/until \d{1,2}:\d{2}\s[AP]M ⏰/);
    expect(r.dmText).not.toMatch(/GMT|UTC/);
  });

  test("a neutral comment keeps the language the buyer last wrote in clearly", async () => {
    const seeded = await chileanStore();
    const first = await commentAs(seeded, "eu quero a bolsa preta");
    const second = await commentAs(seeded, "A12", { authorId: first.authorId });
    expect(second.comment.language).toBe("pt");
    expect(second.dmText).toContain("Pronto Ana! Adicionamos o novo item");
    // Her two comments share one cart: its checkout stays in Portuguese.
    expect(second.order?.id).toBe(first.order?.id);
    expect(second.order?.buyerLocale).toBe("pt");
    // A stranger's neutral comment is answered in the store's language.
    const stranger = await commentAs(seeded, "A12", { authorName: "Pedro" });
    expect(stranger.comment.language).toBe("es");
  });
});
