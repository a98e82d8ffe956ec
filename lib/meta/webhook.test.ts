import { describe, expect, it } from "vitest";
import { MetaWebhookPayloadError, parseMetaWebhook, type MetaCommentEvent } from "./webhook";

const PAGE = "1000001";

function commentChange(n: number, overrides: Record<string, unknown> = {}) {
  return {
    field: "feed",
    value: {
      item: "comment",
      verb: "add",
      comment_id: `555_${n}`,
      post_id: `${PAGE}_555`,
      parent_id: `${PAGE}_555`,
      from: { id: `user${n}`, name: `Buyer ${n}` },
      message: `quiero ${n}`,
      created_time: 1_790_000_000 + n,
      post: { id: `${PAGE}_555`, status_type: "added_video" },
      ...overrides,
    },
  };
}

describe("parseMetaWebhook", () => {
  it("flattens a batch of many entries with many changes each, in order", () => {
    const pages = ["p1", "p2", "p3"];
    const body = {
      object: "page",
      entry: pages.map((id, p) => ({
        id,
        time: 1_790_000_000,
        changes: Array.from({ length: 40 }, (_, i) => {
          const c = commentChange(p * 100 + i);
          return { ...c, value: { ...c.value, post_id: `${id}_555`, parent_id: `${id}_555` } };
        }),
      })),
    };
    const events = parseMetaWebhook(body);
    expect(events).toHaveLength(120);
    expect(events.every((e) => e.type === "comment")).toBe(true);
    expect(events[0]).toMatchObject({ pageId: "p1", commentId: "555_0" });
    expect(events[119]).toMatchObject({ pageId: "p3", commentId: "555_239" });
  });

  it("normalises a comment with its author, text and creation time", () => {
    const [event] = parseMetaWebhook({ object: "page", entry: [{ id: PAGE, time: 1, changes: [commentChange(7)] }] });
    expect(event).toEqual({
      type: "comment",
      pageId: PAGE,
      commentId: "555_7",
      postId: `${PAGE}_555`,
      from: { id: "user7", name: "Buyer 7" },
      message: "quiero 7",
      createdTime: new Date((1_790_000_000 + 7) * 1000),
    } satisfies MetaCommentEvent);
  });

  it("reads created_time given as an ISO string with Meta's +0000 offset", () => {
    const [event] = parseMetaWebhook({
      object: "page",
      entry: [{ id: PAGE, changes: [commentChange(1, { created_time: "2026-11-21T18:30:05+0000" })] }],
    });
    expect((event as MetaCommentEvent).createdTime.toISOString()).toBe("2026-11-21T18:30:05.000Z");
  });

  it("keeps parentId only for replies to another comment and passes video_id through", () => {
    const events = parseMetaWebhook({
      object: "page",
      entry: [{ id: PAGE, changes: [commentChange(1, { parent_id: "555_0", video_id: "777" })] }],
    });
    expect(events[0]).toMatchObject({ parentId: "555_0", videoId: "777" });
  });

  it("keeps a comment whose author Meta withheld", () => {
    const c = commentChange(3);
    const { from: _omitted, ...value } = c.value;
    const [event] = parseMetaWebhook({ object: "page", entry: [{ id: PAGE, changes: [{ field: "feed", value }] }] });
    expect(event).toMatchObject({ type: "comment", commentId: "555_3", from: null });
  });

  it("skips the page's own comments, edits, removals and non-comment feed items", () => {
    const events = parseMetaWebhook({
      object: "page",
      entry: [
        {
          id: PAGE,
          changes: [
            commentChange(1, { from: { id: PAGE, name: "The Store" } }),
            commentChange(2, { verb: "edited" }),
            commentChange(3, { verb: "remove" }),
            { field: "feed", value: { item: "reaction", verb: "add", post_id: "x", reaction_type: "like" } },
            { field: "mention", value: { post_id: "x" } },
            commentChange(4),
          ],
        },
      ],
    });
    expect(events.map((e) => (e as MetaCommentEvent).commentId)).toEqual(["555_4"]);
  });

  it("parses mixed feed, live_videos and messaging events in one delivery", () => {
    const events = parseMetaWebhook({
      object: "page",
      entry: [
        {
          id: PAGE,
          time: 1_790_000_000_000,
          changes: [commentChange(1), { field: "live_videos", value: { id: "9001", status: "live_stopped" } }],
        },
        {
          id: PAGE,
          time: 1_790_000_000_000,
          messaging: [
            {
              sender: { id: "psid-1" },
              recipient: { id: PAGE },
              timestamp: 1_790_000_000_123,
              message: { mid: "m_1", text: "Sí", quick_reply: { payload: "CONFIRM:tok1" } },
            },
            { sender: { id: "psid-2" }, recipient: { id: PAGE }, timestamp: 1_790_000_000_124, message: { mid: "m_2", text: "hola" } },
            { sender: { id: "psid-3" }, recipient: { id: PAGE }, timestamp: 1_790_000_000_125, postback: { title: "Pagar", payload: "RESERVE:tok3", mid: "m_3" } },
            { sender: { id: PAGE }, recipient: { id: "psid-1" }, timestamp: 1, message: { mid: "m_echo", text: "bot", is_echo: true } },
            { sender: { id: "psid-1" }, recipient: { id: PAGE }, timestamp: 1, delivery: { mids: ["m_x"], watermark: 1 } },
            { sender: { id: "psid-1" }, recipient: { id: PAGE }, timestamp: 1, read: { watermark: 1 } },
          ],
        },
      ],
    });
    expect(events.map((e) => e.type)).toEqual(["comment", "live_status", "message", "message", "postback"]);
    expect(events[1]).toEqual({ type: "live_status", pageId: PAGE, videoId: "9001", status: "live_stopped" });
    expect(events[2]).toEqual({
      type: "message",
      pageId: PAGE,
      senderId: "psid-1",
      mid: "m_1",
      text: "Sí",
      quickReplyPayload: "CONFIRM:tok1",
      timestamp: new Date(1_790_000_000_123),
    });
    expect(events[3]).not.toHaveProperty("quickReplyPayload");
    expect(events[4]).toMatchObject({ type: "postback", senderId: "psid-3", payload: "RESERVE:tok3", title: "Pagar", mid: "m_3" });
  });

  it("skips a malformed change or entry without losing its valid neighbours", () => {
    const events = parseMetaWebhook({
      object: "page",
      entry: [
        "not an entry",
        { time: 1 },
        { id: PAGE, changes: [null, { field: "feed" }, { field: "feed", value: { item: "comment", verb: "add" } }, commentChange(9)] },
      ],
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ commentId: "555_9" });
  });

  it.each([
    ["null", null],
    ["an array", []],
    ["a string", "page"],
    ["another object type", { object: "instagram", entry: [] }],
    ["an entry that is not an array", { object: "page", entry: {} }],
    ["a missing entry", { object: "page" }],
  ])("throws a typed error for %s at the top level", (_label, body) => {
    expect(() => parseMetaWebhook(body)).toThrow(MetaWebhookPayloadError);
  });
});
