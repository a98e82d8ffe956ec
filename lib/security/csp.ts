// The Content-Security-Policy of every response, in one place (next.config.ts and proxy.ts both read it).
// Scripts: pages rendered per request (every page but the prerendered licence pages) carry a fresh nonce
// from proxy.ts and allow only scripts bearing it ('strict-dynamic' lets those load Next's chunks); no
// 'unsafe-inline'. The static policy (next.config.ts) covers what the proxy does not answer: API routes,
// static files and the licence pages, which are built once at `next build` (no request, so no nonce:
// their inline bootstrap needs 'unsafe-inline'; they show no user data).
// Styles keep 'unsafe-inline': React writes style attributes, which nonces cannot cover.

const FORM_ACTION =
  "form-action 'self' https://www.paypal.com https://www.sandbox.paypal.com https://*.mercadopago.com https://*.mercadopago.cl https://*.mercadopago.com.ar https://*.mercadopago.com.mx https://*.mercadopago.com.br https://*.mercadopago.com.co https://*.mercadopago.com.pe https://*.mercadopago.com.uy https://sandbox.flow.cl https://www.flow.cl";

function policy(scriptSrc: string) {
  return [
    "default-src 'self'",
    scriptSrc,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    // The pay forms redirect to the providers' hosted checkouts.
    FORM_ACTION,
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** The policy of a page rendered for this request: only scripts carrying `nonce` (and what they load) run. */
export function nonceCsp(nonce: string, { dev = false } = {}) {
  return policy(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`);
}

/** The policy of responses the proxy does not render (API, static files, the prerendered licence pages). */
export function staticCsp({ dev = false } = {}) {
  return policy(`script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`);
}

/** Paths the proxy leaves alone (they get the static policy from next.config.ts). Keep in step with proxy.ts's matcher. */
export const STATIC_CSP_SOURCES = ["/api/:path*", "/_next/:path*", "/legal/licenses/:path*", "/health", "/metrics", "/favicon.ico"];
