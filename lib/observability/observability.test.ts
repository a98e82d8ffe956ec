import { Writable } from "node:stream";
import { describe, expect, test } from "vitest";
import { createLogger } from "./logger";
import { annotateRequestContext, requestIdFrom, runWithRequestContext } from "./request-context";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, log: createLogger(stream, "info") };
}

describe("log lines", () => {
  test("are JSON with level, msg, time and the request's ids, inside and after an await", async () => {
    const { lines, log } = capture();
    await runWithRequestContext({ request_id: "req-123" }, async () => {
      annotateRequestContext({ store_id: "store_1" });
      await new Promise((r) => setTimeout(r, 1));
      log.info({ order_id: "order_9" }, "order paid");
    });
    log.warn("outside any request");
    expect(lines[0]).toMatchObject({ level: "info", msg: "order paid", request_id: "req-123", store_id: "store_1", order_id: "order_9" });
    expect(typeof lines[0]!.time).toBe("string");
    expect(lines[1]).toMatchObject({ level: "warn", msg: "outside any request" });
    expect(lines[1]).not.toHaveProperty("request_id");
  });

  test("never carry personal data or secrets, even when a caller passes them", () => {
    const { lines, log } = capture();
    log.info({ buyer: { name: "Carla Soto", phone: "+56 9 1234 5678", address: "Av. Siempre Viva 742" }, password: "hunter2", headers: { authorization: "Bearer abc" } }, "careless call");
    const text = JSON.stringify(lines[0]);
    for (const secret of ["Carla", "1234 5678", "Siempre Viva", "hunter2", "Bearer abc"]) expect(text).not.toContain(secret);
  });
});

describe("request ids", () => {
  test("an incoming plain id is kept; a missing or unsafe one is replaced by a new uuid", () => {
    expect(requestIdFrom("abc-123_x.y:z")).toBe("abc-123_x.y:z");
    for (const bad of [undefined, null, "", "has space", "x".repeat(200), "line\nbreak"]) expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
