import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createKeepAliveFetch } from "./http-fetch";

let server: Server;
let base = "";
const ports = new Set<number>();
beforeAll(async () => {
  server = createServer((req, res) => {
    ports.add(req.socket.remotePort!);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.url === "/slow") return setTimeout(() => res.end("late"), 2_000);
      res.writeHead(req.url === "/limited" ? 400 : 200, { "content-type": "application/json", "retry-after": "7" });
      res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization, body: Buffer.concat(chunks).toString("utf8") }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("createKeepAliveFetch", () => {
  test("posts the body with its headers, answers status, headers and text, and reuses one connection", async () => {
    const f = createKeepAliveFetch();
    ports.clear();
    for (let i = 0; i < 3; i++) {
      const res = await f(`${base}/x`, { method: "POST", headers: { authorization: "Bearer t", "content-type": "application/json" }, body: JSON.stringify({ n: i, s: "ñ" }) });
      expect(res).toMatchObject({ ok: true, status: 200 });
      expect(res.headers.get("Retry-After")).toBe("7");
      expect(res.headers.get("x-missing")).toBeNull();
      expect(JSON.parse(await res.text())).toEqual({ method: "POST", auth: "Bearer t", body: JSON.stringify({ n: i, s: "ñ" }) });
    }
    expect(ports.size).toBe(1);
    const limited = await f(`${base}/limited`, { method: "POST", body: "{}" });
    expect(limited).toMatchObject({ ok: false, status: 400 });
  });

  test("an aborted request rejects at once; a refused connection rejects", async () => {
    const f = createKeepAliveFetch();
    const t0 = Date.now();
    await expect(f(`${base}/slow`, { method: "POST", body: "{}", signal: AbortSignal.timeout(50) })).rejects.toThrow();
    expect(Date.now() - t0).toBeLessThan(1_000);
    await expect(f("http://127.0.0.1:1/x", { method: "POST", body: "{}" })).rejects.toThrow();
  });
});
