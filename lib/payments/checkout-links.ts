/**
 * Same-origin paths of the buyer's pages (relative, so redirects work behind any host name). Every one
 * carries the checkout token: it is the buyer's only credential.
 */
export function checkoutPath({ orderId, token, lang, params }: { orderId: string; token: string; lang?: string | null; params?: Record<string, string | null | undefined> }): string {
  const q = new URLSearchParams({ t: token });
  if (lang) q.set("lang", lang);
  for (const [k, v] of Object.entries(params ?? {})) if (v) q.set(k, v);
  return `/checkout/${encodeURIComponent(orderId)}?${q}`;
}

/** A 303 to a same-origin path: after a form POST the browser follows with GET. */
export function seeOther(location: string, headers?: Record<string, string>): Response {
  return new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store", ...headers } });
}

/** What an unknown order or a wrong token gets: nothing about the order, not even whether it exists. */
export function checkoutNotFound(): Response {
  return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
