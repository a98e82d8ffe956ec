import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exchangeCodeForPages, facebookDialogUrl, graphVersion, subscribePageToApp } from "@/lib/onboarding/meta-oauth";

type Seen = { method: string; url: URL; auth: string | undefined };
const seen: Seen[] = [];
let server: Server;
let graph: string;
let failCode = false;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const url = new URL(req.url!, "http://x");
    seen.push({ method: req.method!, url, auth: req.headers.authorization });
    const send = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    if (url.pathname === "/v24.0/oauth/access_token") {
      if (failCode) return send(400, { error: { message: "This authorization code has been used.", type: "OAuthException", code: 100 } });
      return url.searchParams.get("client_secret") === "app-secret" && url.searchParams.get("code") === "the-code" ? send(200, { access_token: "USER-TOKEN", token_type: "bearer" }) : send(400, { error: { message: "bad", code: 1 } });
    }
    if (url.pathname === "/v24.0/me/accounts") {
      return req.headers.authorization === "Bearer USER-TOKEN"
        ? send(200, { data: [{ id: "111222333", name: "Tienda Ana", access_token: "PAGE-TOKEN-1", category: "Shopping" }, { id: "444555666", name: "Outlet Ana", access_token: "PAGE-TOKEN-2" }] })
        : send(401, { error: { message: "Invalid OAuth access token.", code: 190 } });
    }
    if (url.pathname === "/v24.0/111222333/subscribed_apps" && req.method === "POST") return send(200, { success: true });
    send(404, { error: { message: "unknown path", code: 803 } });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  graph = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v24.0`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("Facebook Page connection (OAuth)", () => {
  test("the consent dialog asks for the Page permissions the bot needs, on the API's Graph version, with the state", () => {
    const url = new URL(facebookDialogUrl({ appId: "123", redirectUri: "https://shop.example/dashboard/onboarding/meta/callback", state: "s-1", graphApiUrl: "https://graph.facebook.com/v24.0" }));
    expect(url.origin + url.pathname).toBe("https://www.facebook.com/v24.0/dialog/oauth");
    expect(url.searchParams.get("client_id")).toBe("123");
    expect(url.searchParams.get("state")).toBe("s-1");
    expect(url.searchParams.get("redirect_uri")).toBe("https://shop.example/dashboard/onboarding/meta/callback");
    expect(url.searchParams.get("scope")!.split(",")).toEqual(expect.arrayContaining(["pages_show_list", "pages_messaging", "pages_read_user_content", "pages_manage_metadata"]));
    expect(graphVersion("http://127.0.0.1:9/v19.0")).toBe("v19.0");
  });

  test("the code becomes a user token server-side, which lists the seller's Pages with their Page tokens", async () => {
    seen.length = 0;
    const pages = await exchangeCodeForPages({ graphApiUrl: graph, appId: "123", appSecret: "app-secret", redirectUri: "https://shop.example/cb", code: "the-code" });
    expect(pages).toEqual([
      { id: "111222333", name: "Tienda Ana", access_token: "PAGE-TOKEN-1" },
      { id: "444555666", name: "Outlet Ana", access_token: "PAGE-TOKEN-2" },
    ]);
    expect(seen[0]!.url.searchParams.get("redirect_uri")).toBe("https://shop.example/cb");
    // The user token travels in a header, never in a URL that proxies might log.
    expect(seen[1]!.url.searchParams.has("access_token")).toBe(false);
    expect(seen[1]!.auth).toBe("Bearer USER-TOKEN");
  });

  test("a refused code surfaces Meta's own message", async () => {
    failCode = true;
    await expect(exchangeCodeForPages({ graphApiUrl: graph, appId: "123", appSecret: "app-secret", redirectUri: "x", code: "the-code" })).rejects.toThrow("This authorization code has been used.");
    failCode = false;
  });

  test("the chosen Page is subscribed to the comment, live and message webhooks with its own token", async () => {
    seen.length = 0;
    await subscribePageToApp({ graphApiUrl: graph, pageId: "111222333", pageToken: "PAGE-TOKEN-1" });
    expect(seen[0]!.method).toBe("POST");
    expect(seen[0]!.auth).toBe("Bearer PAGE-TOKEN-1");
    expect(seen[0]!.url.searchParams.get("subscribed_fields")!.split(",")).toEqual(expect.arrayContaining(["feed", "live_videos", "messages", "messaging_postbacks"]));
    await expect(subscribePageToApp({ graphApiUrl: graph, pageId: "999", pageToken: "x" })).rejects.toThrow("unknown path");
  });
});
