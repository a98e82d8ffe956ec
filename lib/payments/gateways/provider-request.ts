import type { z } from "zod";
import { PaymentProviderError, PaymentProviderUnavailableError } from "./errors";
import type { ProviderId } from "./types";
import { withSpan } from "@/lib/observability/tracing";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type ProviderResponse = { status: number; json: unknown; text: string };

/**
 * One HTTP call to a provider with a hard timeout. Network failures, timeouts, 5xx and 429 become
 * PaymentProviderUnavailableError; any other status is returned for the adapter to interpret.
 */
export function providerRequest(args: ProviderRequest): Promise<ProviderResponse> {
  return withSpan(`payment ${args.provider} ${args.method}`, { kind: "client", attributes: { "lss.provider": args.provider, "http.request.method": args.method } }, async (span) => {
    const res = await sendProviderRequest(args);
    span?.setAttribute("http.response.status_code", res.status);
    return res;
  });
}

type ProviderRequest = {
  provider: ProviderId;
  fetch: FetchLike;
  timeoutMs: number;
  method: "GET" | "POST" | "PUT";
  url: string;
  headers?: Record<string, string>;
  body?: string;
};

async function sendProviderRequest(args: ProviderRequest): Promise<ProviderResponse> {
  let res: Response;
  try {
    res = await args.fetch(args.url, {
      method: args.method,
      headers: args.headers,
      body: args.body,
      signal: AbortSignal.timeout(args.timeoutMs),
      redirect: "manual",
    });
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    throw new PaymentProviderUnavailableError({
      provider: args.provider,
      code: timedOut ? "timeout" : "network",
      message: timedOut
        ? `${args.provider} did not answer ${args.method} ${pathOf(args.url)} within ${args.timeoutMs} ms`
        : `${args.provider} unreachable: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw new PaymentProviderUnavailableError({
      provider: args.provider,
      code: "timeout",
      message: `${args.provider} response body was cut off: ${err instanceof Error ? err.message : String(err)}`,
    });
  }
  const json = parseJson(text);
  if (res.status >= 500 || res.status === 429) {
    throw new PaymentProviderUnavailableError({
      provider: args.provider,
      code: `http_${res.status}`,
      httpStatus: res.status,
      message: `${args.provider} answered ${res.status} to ${args.method} ${pathOf(args.url)}`,
      details: json ?? text.slice(0, 500),
    });
  }
  return { status: res.status, json, text };
}

/** Throws PaymentProviderError for a non-2xx answer; `what` names the operation for the message. */
export function expectSuccess(provider: ProviderId, res: ProviderResponse, what: string): void {
  if (res.status >= 200 && res.status < 300) return;
  throw new PaymentProviderError({
    provider,
    code: res.status === 401 || res.status === 403 ? "unauthorized" : `http_${res.status}`,
    httpStatus: res.status,
    message: `${provider} rejected ${what} (${res.status}): ${summarise(res)}`,
    details: res.json ?? res.text.slice(0, 500),
  });
}

/** Validates a provider's answer; a shape we do not understand is an error, never a guess. */
export function parseProviderBody<S extends z.ZodType>(provider: ProviderId, schema: S, res: ProviderResponse, what: string): z.infer<S> {
  const parsed = schema.safeParse(res.json);
  if (parsed.success) return parsed.data;
  throw new PaymentProviderError({
    provider,
    code: "unexpected_response",
    httpStatus: res.status,
    message: `${provider} answered ${what} with an unexpected body: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    details: res.json ?? res.text.slice(0, 500),
  });
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function summarise(res: ProviderResponse): string {
  const body = res.json;
  if (body && typeof body === "object") {
    const o = body as Record<string, unknown>;
    const parts = [o.name, o.error, o.message, o.error_description, o.code].filter((v) => typeof v === "string" || typeof v === "number");
    if (parts.length) return parts.join(" — ");
  }
  return res.text.slice(0, 200) || "(empty body)";
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
