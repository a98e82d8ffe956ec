import type { NextRequest } from "next/server";
import { annotateRequestContext } from "@/lib/observability/request-context";
import { checkoutNotFound, checkoutPath, seeOther } from "./checkout-links";
import { formString, languageCookie, readForm } from "./checkout-form";
import { loadCheckoutOrder, type CheckoutOrder } from "./checkout-order";

type Query = Record<string, string | null | undefined>;

/** What every buyer-facing checkout route gets once the order and its token check out. */
export type CheckoutRouteCtx = {
  req: NextRequest;
  orderId: string;
  /** The checkout token: the buyer's only credential, carried on to every page it sends her back to. */
  token: string;
  order: CheckoutOrder;
  /** The posted form (null for a query-token route or a body that is not a form). */
  form: FormData | null;
  /** A field of the posted form, or of the query for a query-token route. */
  field: (name: string) => string | null;
  /** The buyer's chosen language (the form's `lang`), kept on every redirect. */
  lang: string | null;
  /** A 303 back to the checkout page with optional query parameters and #fragment, remembering the language. */
  back: (params?: Query, hash?: string) => Response;
};

type Options = {
  /** Where the token comes from: the posted form's `t` (default) or the query's `t` (provider returns). */
  token?: "form" | "query";
  /** Refuse a body larger than this before reading it; `tooLarge` answers instead. */
  maxBodyBytes?: number;
  tooLarge?: (req: NextRequest, orderId: string) => Response;
};

/**
 * The buyer's checkout routes (pay, reserve again, receipt, provider return, sandbox): reads the order id
 * from the path (`[orderId]` or `[ref]`), the token from the form or the query, and answers the same bare
 * 404 for an unknown order and a wrong token (nothing about the order leaks) before the handler runs.
 * Handlers get their outcomes as values from lib/payments and answer with `back(...)`: no try/catch.
 */
export function checkoutRoute(handler: (ctx: CheckoutRouteCtx) => Promise<Response>, options: Options = {}) {
  return async (req: NextRequest, { params }: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const path = await params;
    const orderId = path.orderId ?? path.ref ?? "";
    if (options.maxBodyBytes !== undefined && Number(req.headers.get("content-length") ?? 0) > options.maxBodyBytes) {
      return (options.tooLarge ?? (() => new Response("Payload too large", { status: 413 })))(req, orderId);
    }
    const fromQuery = options.token === "query";
    const form = fromQuery ? null : await readForm(req);
    const field = (name: string) => (fromQuery ? req.nextUrl.searchParams.get(name) : formString(form, name));
    const token = field("t");
    const order = await loadCheckoutOrder({ orderId, token });
    if (!order || !token) return checkoutNotFound();
    annotateRequestContext({ order_id: order.id, store_id: order.storeId });
    const lang = fromQuery ? null : field("lang");
    const back = (query?: Query, hash?: string) => seeOther(`${checkoutPath({ orderId, token, lang, params: query })}${hash ? `#${hash}` : ""}`, languageCookie(lang));
    return handler({ req, orderId, token, order, form, field, lang, back });
  };
}
