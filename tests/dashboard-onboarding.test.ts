import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exchangeCodeForPages, facebookDialogUrl, graphVersion, subscribePageToApp } from "@/lib/onboarding/meta-oauth";
import { connectFacebookPage } from "@/lib/onboarding/meta-connect";
import * as storeRoute from "@/app/api/v1/stores/[id]/route";
import { call } from "./helpers/api";
import { createStoreFor, signUp } from "./helpers/factories";

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
      if (url.searchParams.get("grant_type") === "fb_exchange_token") {
        return url.searchParams.get("client_secret") === "app-secret" && url.searchParams.get("fb_exchange_token") === "USER-TOKEN" ? send(200, { access_token: "LONG-USER-TOKEN", token_type: "bearer", expires_in: 5183944 }) : send(400, { error: { message: "bad exchange", code: 1 } });
      }
      return url.searchParams.get("client_secret") === "app-secret" && url.searchParams.get("code") === "the-code" ? send(200, { access_token: "USER-TOKEN", token_type: "bearer" }) : send(400, { error: { message: "bad", code: 1 } });
    }
    if (url.pathname === "/v24.0/me/permissions") {
      // The seller unticked "manage engagement" in the dialog.
      const perms = ["pages_show_list", "pages_read_engagement", "pages_read_user_content", "pages_manage_metadata", "pages_messaging"].map((permission) => ({ permission, status: "granted" }));
      return req.headers.authorization === "Bearer LONG-USER-TOKEN" ? send(200, { data: [...perms, { permission: "pages_manage_engagement", status: "declined" }] }) : send(401, { error: { message: "Invalid OAuth access token.", code: 190 } });
    }
    if (url.pathname === "/v24.0/me/accounts") {
      // Page tokens listed with the long-lived user token are the ones that do not expire.
      return req.headers.authorization === "Bearer LONG-USER-TOKEN"
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

  test("the code becomes a user token server-side, exchanged for a long-lived one, which lists the seller's Pages with lasting Page tokens and what was not granted", async () => {
    seen.length = 0;
    const pages = await exchangeCodeForPages({ graphApiUrl: graph, appId: "123", appSecret: "app-secret", redirectUri: "https://shop.example/cb", code: "the-code" });
    expect(pages).toEqual([
      { id: "111222333", name: "Tienda Ana", access_token: "PAGE-TOKEN-1", missing_permissions: ["pages_manage_engagement"] },
      { id: "444555666", name: "Outlet Ana", access_token: "PAGE-TOKEN-2", missing_permissions: ["pages_manage_engagement"] },
    ]);
    expect(seen[0]!.url.searchParams.get("redirect_uri")).toBe("https://shop.example/cb");
    expect(seen[1]!.url.searchParams.get("grant_type")).toBe("fb_exchange_token");
    // The user token travels in a header, never in a URL that proxies might log.
    for (const call of seen.slice(2)) {
      expect(call.url.searchParams.has("access_token")).toBe(false);
      expect(call.auth).toBe("Bearer LONG-USER-TOKEN");
    }
    expect(seen.map((s) => s.url.pathname)).toEqual(["/v24.0/oauth/access_token", "/v24.0/oauth/access_token", "/v24.0/me/permissions", "/v24.0/me/accounts"]);
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

  test("a Page connected without a permission the bot needs shows meta_status missing_permissions until a reconnect grants it", async () => {
    const owner = await signUp();
    const store = await createStoreFor(owner.accessToken, { fb_page_id: "111222333" });
    const page = { id: "111222333", name: "Tienda Ana", access_token: "PAGE-TOKEN-1" };
    await connectFacebookPage({ storeId: store.id, userId: owner.userId, page: { ...page, missing_permissions: ["pages_manage_engagement"] }, graphApiUrl: graph });
    const read = async () => (await call(storeRoute.GET, { params: { id: store.id }, token: owner.accessToken })).body as { meta_status: string };
    expect((await read()).meta_status).toBe("missing_permissions");
    await connectFacebookPage({ storeId: store.id, userId: owner.userId, page: { ...page, missing_permissions: [] }, graphApiUrl: graph });
    expect((await read()).meta_status).toBe("connected");
  });
});
