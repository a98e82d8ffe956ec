import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGraphServer, type FakeGraphCall, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import {
  MetaApiError,
  MetaAuthError,
  MetaMessagingBlockedError,
  MetaRateLimitedError,
  MetaTransientError,
  GraphOutcomeUnknownError,
  isRetryableMetaError,
} from "./errors";
import { freePort } from "@/scripts/free-port";
import { createGraphClient, type GraphClientOptions } from "./graph-client";
import { buttonTemplateMessage, quickReply, textMessage, urlButton, utilityTemplateMessage } from "./messages";

const PAGE = "page-1";
const TOKEN = "page-token-abc";

let fake: FakeGraphServer;
let sleeps: number[];

function client(overrides: Partial<GraphClientOptions> = {}) {
  return createGraphClient({
    baseUrl: fake.url,
    maxRetries: 3,
    baseDelayMs: 100,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  });
}

beforeAll(async () => {
  fake = await startFakeGraphServer();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  sleeps = [];
});

describe("graph client against the fake Graph API", () => {
  it("replies publicly to a comment with the page token and returns the new comment id", async () => {
    const result = await client().replyToComment({ commentId: "c1", message: "¡Listo @Ana! Te enviamos el detalle 📩", pageToken: TOKEN });
    expect(result.id).toMatch(/^c1_/);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]).toMatchObject({ path: "/c1/comments", token: TOKEN, kind: "comment_reply", status: 200 });
    expect(fake.commentReplies.get("c1")?.[0]?.message).toBe("¡Listo @Ana! Te enviamos el detalle 📩");
  });

  it("sends the private reply addressed by comment_id and returns Meta's message id", async () => {
    fake.registerCommentAuthor({ commentId: "c2", psid: "psid-ana" });
    const message = buttonTemplateMessage({ text: "Tu carrito", buttons: [urlButton("Pagar ahora", "https://shop.test/checkout/o1?t=x")] });
    const result = await client().sendPrivateReply({ pageId: PAGE, commentId: "c2", message, pageToken: TOKEN });
    expect(result).toMatchObject({ alreadySent: false, recipientId: "psid-ana" });
    expect(result.alreadySent === false && result.id).toMatch(/^m_/);
    expect(fake.calls[0]!.body).toEqual({ recipient: { comment_id: "c2" }, message });
    expect(fake.privateRepliesByComment.get("c2")?.recipientId).toBe("psid-ana");
  });

  it("treats a second private reply to the same comment as already sent", async () => {
    const c = client();
    const message = textMessage("hola");
    await c.sendPrivateReply({ pageId: PAGE, commentId: "c3", message, pageToken: TOKEN });
    const second = await c.sendPrivateReply({ pageId: PAGE, commentId: "c3", message, pageToken: TOKEN });
    expect(second).toEqual({ alreadySent: true });
    expect(fake.calls.map((call) => call.status)).toEqual([200, 400]);
    expect((fake.calls[1]!.response as { error: { code: number } }).error.code).toBe(10900);
    expect(fake.privateRepliesByComment.size).toBe(1);
  });

  it("sends a RESPONSE message to a PSID with messaging_type and quick replies", async () => {
    const message = textMessage("¿Quieres 2 × Polera roja M?", { quickReplies: [quickReply("Sí", "CONFIRM:t1"), quickReply("No", "REJECT:t1")] });
    const result = await client().sendMessage({ pageId: PAGE, psid: "psid-9", message, messagingType: "RESPONSE", pageToken: TOKEN });
    expect(result).toMatchObject({ alreadySent: false, recipientId: "psid-9" });
    expect(fake.calls[0]!.body).toEqual({ recipient: { id: "psid-9" }, messaging_type: "RESPONSE", message });
  });

  it("sends a utility template outside the window with messaging_type UTILITY", async () => {
    const message = utilityTemplateMessage({ name: "lss_payment_received", languageCode: "es", bodyParameters: { customer_name: "Ana" } });
    await client().sendMessage({ pageId: PAGE, psid: "psid-9", message, messagingType: "UTILITY", pageToken: TOKEN });
    expect(fake.calls[0]).toMatchObject({ status: 200, messagingType: "UTILITY" });
    await expect(
      client().sendMessage({ pageId: PAGE, psid: "psid-9", message: textMessage("x"), messagingType: "UTILITY", pageToken: TOKEN }),
    ).rejects.toThrow(/utility template/);
  });

  it.each([4, 17, 32, 613])("retries rate-limit code %i with growing backoff, then succeeds", async (code) => {
    fake.failNext({ code, times: 2 });
    const result = await client().sendMessage({ pageId: PAGE, psid: "p", message: textMessage("hi"), messagingType: "RESPONSE", pageToken: TOKEN });
    expect(result.alreadySent).toBe(false);
    expect(fake.calls.map((c) => c.status)).toEqual([400, 400, 200]);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
  });

  it("gives up after maxRetries with MetaRateLimitedError carrying a retry delay", async () => {
    fake.failNext({ code: 613, times: 10 });
    const error = await client()
      .sendPrivateReply({ pageId: PAGE, commentId: "c4", message: textMessage("hi"), pageToken: TOKEN })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetaRateLimitedError);
    expect(isRetryableMetaError(error)).toBe(true);
    expect((error as MetaRateLimitedError).code).toBe(613);
    expect((error as MetaRateLimitedError).attempts).toBe(4);
    expect((error as MetaRateLimitedError).retryAfterMs).toBeGreaterThan(0);
    expect(fake.calls).toHaveLength(4);
    // A throttled attempt delivered nothing, so the rescheduled job can still send the DM.
    expect(fake.privateRepliesByComment.has("c4")).toBe(false);
  });

  it("hands a throttle of minutes to the job layer instead of sleeping through it", async () => {
    fake.failNext({
      code: 32,
      headers: { "x-business-use-case-usage": JSON.stringify({ [PAGE]: [{ type: "pages", call_count: 100, estimated_time_to_regain_access: 5 }] }) },
    });
    const error = await client()
      .replyToComment({ commentId: "c5", message: "hola", pageToken: TOKEN })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetaRateLimitedError);
    expect((error as MetaRateLimitedError).retryAfterMs).toBe(5 * 60_000);
    expect(sleeps).toEqual([]);
    expect(fake.calls).toHaveLength(1);
  });

  it.each([
    [10, undefined, "permission_denied", "page"],
    [2022, undefined, "page_blocked", "page"],
    [10, 2018278, "outside_window", "recipient"],
    [551, 1545041, "recipient_unavailable", "recipient"],
  ] as const)("code %i/%s is a blocked-messaging error (%s) and is not retried", async (code, subcode, reason, scope) => {
    fake.failNext({ code, subcode, times: 5 });
    const error = await client()
      .sendMessage({ pageId: PAGE, psid: "p", message: textMessage("hi"), messagingType: "RESPONSE", pageToken: TOKEN })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetaMessagingBlockedError);
    expect(error).toMatchObject({ code, reason, scope });
    expect(fake.calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("reports a page blocked from messaging on private replies too", async () => {
    fake.blockMessaging(PAGE);
    const error = await client()
      .sendPrivateReply({ pageId: PAGE, commentId: "c6", message: textMessage("hi"), pageToken: TOKEN })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "MetaMessagingBlockedError", code: 2022, scope: "page" });
    // Public replies are a different permission and keep working: the fallback path.
    await expect(client().replyToComment({ commentId: "c6", message: "Escríbenos por Messenger", pageToken: TOKEN })).resolves.toHaveProperty("id");
  });

  it("retries 5xx answers and dropped connections of a private reply (Meta keeps one per comment), then succeeds", async () => {
    fake.failNext({ code: 2, status: 503 });
    fake.failNext({ drop: true });
    const result = await client().sendPrivateReply({ pageId: PAGE, commentId: "c7", message: textMessage("hola"), pageToken: TOKEN });
    expect(result).toHaveProperty("id");
    expect(fake.calls.map((c) => c.status)).toEqual([503, 0, 200]);
    expect(fake.privateRepliesByComment.get("c7")).toBeDefined();
  });

  it("gives up on a persistently unreachable Graph API with MetaTransientError", async () => {
    fake.failNext({ drop: true, times: 10 });
    const error = await client({ maxRetries: 2 })
      .sendPrivateReply({ pageId: PAGE, commentId: "c8", message: textMessage("hola"), pageToken: TOKEN })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetaTransientError);
    expect((error as MetaTransientError).attempts).toBe(3);
    expect(isRetryableMetaError(error)).toBe(true);
  });

  it("never repeats a public reply whose answer was lost (Meta would post a second one): one call, an unknown outcome", async () => {
    fake.failNext({ dropAnswer: true, times: 10 });
    const error = await client({ maxRetries: 2 })
      .replyToComment({ commentId: "c8b", message: "hola", pageToken: TOKEN })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphOutcomeUnknownError);
    expect(fake.commentReplies.get("c8b")).toHaveLength(1);
  });

  it("never repeats a DM to a PSID whose answer was lost (Meta may have delivered it): one call, an unknown outcome", async () => {
    fake.failNext({ drop: true, times: 10 });
    const error = await client({ maxRetries: 2 })
      .sendMessage({ pageId: PAGE, psid: "p", message: textMessage("hi"), messagingType: "RESPONSE", pageToken: TOKEN })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphOutcomeUnknownError);
    expect(isRetryableMetaError(error)).toBe(false);
    expect(fake.calls.filter((c) => c.kind === "message")).toHaveLength(1);
  });

  it("retries a DM whose connection was refused (it never reached Meta)", async () => {
    const closed = await freePort();
    const error = await client({ baseUrl: `http://127.0.0.1:${closed}`, maxRetries: 2 })
      .sendMessage({ pageId: PAGE, psid: "p", message: textMessage("hi"), messagingType: "RESPONSE", pageToken: TOKEN })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetaTransientError);
    expect((error as MetaTransientError).attempts).toBe(3);
  });

  it("surfaces other Graph errors with code, subcode and status, without retrying", async () => {
    fake.failNext({ code: 100, subcode: 33, message: "(#100) Object does not exist" });
    const error = await client()
      .replyToComment({ commentId: "gone", message: "hola", pageToken: TOKEN })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MetaApiError);
    expect(error).not.toBeInstanceOf(MetaMessagingBlockedError);
    expect(error).toMatchObject({ code: 100, subcode: 33, status: 400, message: "(#100) Object does not exist" });
    expect(fake.calls).toHaveLength(1);
  });

  it("reports an invalid page token as MetaAuthError", async () => {
    const strict = await startFakeGraphServer({ acceptToken: (t) => t === "good" });
    try {
      const c = createGraphClient({ baseUrl: strict.url, sleep: async () => {} });
      await expect(c.replyToComment({ commentId: "c", message: "x", pageToken: "bad" })).rejects.toBeInstanceOf(MetaAuthError);
      await expect(c.replyToComment({ commentId: "c", message: "x", pageToken: "good" })).resolves.toHaveProperty("id");
    } finally {
      await strict.close();
    }
  });

  it("tells onCall listeners what the bot sent", async () => {
    const seen: FakeGraphCall[] = [];
    const off = fake.onCall((call) => seen.push(call));
    await client().sendPrivateReply({ pageId: PAGE, commentId: "c8", message: textMessage("Tu link"), pageToken: TOKEN });
    off();
    await client().replyToComment({ commentId: "c8", message: "¡Listo!", pageToken: TOKEN });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ kind: "private_reply", pageId: PAGE, commentId: "c8", message: { text: "Tu link" } });
  });
});

describe("fake Graph API validation", () => {
  async function post(path: string, body: unknown, token = TOKEN) {
    const res = await fetch(`${fake.url}${path}?access_token=${token}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as { error?: { code: number; message: string; type: string; fbtrace_id: string } } };
  }

  it("answers 400 like Meta when recipient or message is missing", async () => {
    const noRecipient = await post(`/${PAGE}/messages`, { message: { text: "hi" } });
    expect(noRecipient.status).toBe(400);
    expect(noRecipient.json.error).toMatchObject({ code: 100, type: "OAuthException" });
    expect(noRecipient.json.error?.fbtrace_id).toBeTruthy();
    const noMessage = await post(`/${PAGE}/messages`, { recipient: { comment_id: "c9" } });
    expect(noMessage.status).toBe(400);
    expect(fake.privateRepliesByComment.has("c9")).toBe(false);
  });

  it("rejects more than 13 quick replies and a PSID message without messaging_type", async () => {
    const quick = Array.from({ length: 14 }, (_, i) => ({ content_type: "text", title: `q${i}`, payload: `P${i}` }));
    const tooMany = await post(`/${PAGE}/messages`, { recipient: { id: "p" }, messaging_type: "RESPONSE", message: { text: "x", quick_replies: quick } });
    expect(tooMany.json.error?.code).toBe(105);
    const noType = await post(`/${PAGE}/messages`, { recipient: { id: "p" }, message: { text: "x" } });
    expect(noType.json.error?.code).toBe(100);
  });

  it("fails only requests on the given path and forgets failures, blocks and replies on reset", async () => {
    fake.failNext({ code: 100, path: "/comments", times: 1 });
    fake.blockMessaging(PAGE);
    expect((await post(`/${PAGE}/messages`, { recipient: { comment_id: "r1" }, message: { text: "x" } })).json.error?.code).toBe(2022);
    expect((await post("/r1/comments", { message: "x" })).status).toBe(400);
    fake.unblockMessaging(PAGE);
    expect((await post(`/${PAGE}/messages`, { recipient: { comment_id: "r1" }, message: { text: "x" } })).status).toBe(200);
    fake.failNext({ code: 4, times: 3 });
    fake.blockMessaging(PAGE);
    fake.reset();
    expect(fake.calls).toHaveLength(0);
    expect(fake.privateRepliesByComment.size).toBe(0);
    expect((await post(`/${PAGE}/messages`, { recipient: { comment_id: "r1" }, message: { text: "x" } })).status).toBe(200);
  });

  it("requires an access token", async () => {
    const res = await fetch(`${fake.url}/c1/comments`, { method: "POST", body: JSON.stringify({ message: "x" }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: number } }).error.code).toBe(104);
  });

  // Speed is measured by `npm run bench`, never asserted here: this proves a burst loses and doubles nothing.
  it("a burst of 1,000 concurrent calls from 20 workers delivers each private reply exactly once", async () => {
    const c = client();
    let next = 0;
    // 20 workers over keep-alive connections, like a job runner draining a busy live.
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < 1000) {
          const i = next++;
          await c.sendPrivateReply({ pageId: PAGE, commentId: `burst-${i}`, message: textMessage("hola"), pageToken: TOKEN });
        }
      }),
    );
    expect(fake.privateRepliesByComment.size).toBe(1000);
  });
});
