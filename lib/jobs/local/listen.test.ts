import { afterAll, describe, expect, test } from "vitest";
import { disconnectPrisma, hotPathDb } from "@/lib/db";
import { listenForJobs } from "./listen";
import { JOBS_CHANNEL, MAX_WAKE_STORES, PROCESS_WAKE_ID, parseWakePayload, type WakeStores } from "./wake";

const quietLogger = { info() {}, warn() {}, error() {}, debug() {} };

afterAll(async () => {
  await disconnectPrisma();
});

describe("LISTEN wake-ups", () => {
  test("a listener skips its own process's NOTIFY, reads the store list of others, and takes an over-cap or missing list as any store", async () => {
    const received: WakeStores[] = [];
    const listener = listenForJobs({ connectionString: process.env.DATABASE_URL!, onNotify: (stores) => received.push(stores), logger: quietLogger });
    await listener.ready;
    try {
      expect(received).toEqual([null]); // connecting wakes once, in case a NOTIFY was missed
      received.length = 0;
      const tooMany = Array.from({ length: MAX_WAKE_STORES + 1 }, (_, i) => `s${i}`).join(",");
      for (const payload of [`${PROCESS_WAKE_ID}|mine`, PROCESS_WAKE_ID, "other|s1,s2", `other|${tooMany}`, "other", "", "|tx-store", "other|end"]) {
        await hotPathDb.$executeRaw`SELECT pg_notify(${JOBS_CHANNEL}, ${payload})`;
      }
      const deadline = Date.now() + 2_000;
      while (!received.some((s) => s?.[0] === "end") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      expect(received).toEqual([["s1", "s2"], null, null, null, ["tx-store"], ["end"]]);
    } finally {
      await listener.close();
    }
  });

  test("parseWakePayload: own sender, store list, no list", () => {
    expect(parseWakePayload(`${PROCESS_WAKE_ID}|a`)).toEqual({ own: true, stores: ["a"] });
    expect(parseWakePayload("x|a,,b")).toEqual({ own: false, stores: ["a", "b"] });
    expect(parseWakePayload("x|")).toEqual({ own: false, stores: null });
    expect(parseWakePayload("")).toEqual({ own: false, stores: null });
  });
});
