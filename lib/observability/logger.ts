import pino from "pino";
import { processSettings } from "@/lib/env";
import { currentRequestContext } from "./request-context";

/**
 * The app's one logger: JSON lines with `level`, `msg`, `time` and the ids of the work in hand (the
 * request context: request_id, store_id, live_id, comment_id, order_id, job). Personal data and secrets
 * never reach it: callers log ids, counts and codes; these keys are redacted wherever they appear anyway.
 */
const REDACTED_KEYS = ["password", "token", "access_token", "accessToken", "pageToken", "secret", "authorization", "cookie", "phone", "email", "address", "name", "text", "body"];

export function createLogger(destination?: pino.DestinationStream, level?: string): pino.Logger {
  return pino(
    {
      level: level ?? processSettings().logLevel,
      base: { pid: process.pid },
      messageKey: "msg",
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin: () => ({ ...currentRequestContext() }),
      redact: { paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((k) => `*.${k}`)], censor: "[redacted]" },
    },
    destination,
  );
}

// One logger per process (Next's bundled copy of this module and the server's own share it).
const shared = globalThis as unknown as { __lssLogger?: pino.Logger };
export const logger: pino.Logger = (shared.__lssLogger ??= createLogger());
