import { describe, expect, test } from "vitest";
import { defineJob, NonRetriableError, parseJobEvent, resolveKeyPath, toJson } from "./define";
import { toMilliseconds } from "./duration";
import { prepareEvents } from "./events";

const handler = async () => null;

describe("defineJob", () => {
  test("defaults to 3 retries, like Inngest", () => {
    expect(defineJob({ id: "a", event: "order/created", handler }).retries).toBe(3);
  });

  test("idempotent steps with a limit for the local driver only are accepted", () => {
    const def = defineJob({ id: "a", event: "order/created", idempotentSteps: true, concurrency: { limit: 4, inngest: false }, handler });
    expect(def.concurrency).toEqual({ limit: 4, inngest: false });
  });

  test.each([
    ["an id that is not a slug", { id: "Process Comment" }, /slug/],
    ["an id that collides with failure handlers", { id: "x-failure" }, /slug/],
    ["an unknown event", { event: "order/typo" }, /unknown event/],
    ["more than 20 retries", { retries: 21 }, /retries/],
    ["a concurrency key that is not a dotted path", { concurrency: { key: "event.data['x']", limit: 1 } }, /dotted path/],
    ["a zero limit", { concurrency: { limit: 0 } }, /positive/],
    ["a throttle period under a second", { throttle: { limit: 1, period: "0s" } }, /period/],
    // Its steps are buffered into one checkpoint on Inngest, where the server held such a run's slot ~30 s after it ended.
    ["idempotent steps with a concurrency limit that also applies on Inngest", { idempotentSteps: true, concurrency: { key: "event.data.storeId", limit: 40 } }, /idempotentSteps/],
  ])("rejects %s", (_, override, message) => {
    expect(() => defineJob({ id: "ok", event: "order/created", handler, ...(override as object) } as never)).toThrow(message);
  });
});

describe("events", () => {
  test("prepareEvents validates data against the registry and keeps a given id", () => {
    const [event] = prepareEvents({ name: "order/created", id: "order:1", data: { orderId: "1", storeId: "s" } });
    expect(event).toMatchObject({ name: "order/created", id: "order:1", data: { orderId: "1", storeId: "s" } });
    expect(() => prepareEvents({ name: "order/created", data: { orderId: 1 } } as never)).toThrow(/orderId/);
  });

  test("a handler receiving data that no longer matches the schema fails without retries", () => {
    const def = defineJob({ id: "a", event: "order/created", handler });
    expect(() => parseJobEvent(def, { name: "order/created", data: { orderId: "" } })).toThrow(NonRetriableError);
  });

  test("key paths resolve into event data; a missing value shares the null group", () => {
    expect(resolveKeyPath("event.data.liveId", { data: { liveId: "l1" } })).toBe("l1");
    expect(resolveKeyPath("event.data.a.b", { data: { a: { b: 7 } } })).toBe("7");
    expect(resolveKeyPath("event.data.liveId", { data: {} })).toBe("null");
  });
});

describe("durations and JSON results", () => {
  test("time strings convert to milliseconds", () => {
    expect(toMilliseconds("20m")).toBe(1_200_000);
    expect(toMilliseconds("1h30m")).toBe(5_400_000);
    expect(toMilliseconds(250)).toBe(250);
    expect(() => toMilliseconds("20 minutes" as never)).toThrow(/Invalid duration/);
  });

  test("step results are their JSON round trip", () => {
    expect(toJson({ at: new Date(0), skip: undefined })).toEqual({ at: "1970-01-01T00:00:00.000Z" });
    expect(toJson(undefined)).toBeNull();
  });
});
