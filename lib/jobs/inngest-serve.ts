import { serve } from "inngest/next";
import type { AnyJobDefinition } from "./define";
import { toInngestFunction } from "./inngest-driver";
import { getInngestClient } from "./index";

/**
 * The /api/inngest handlers (GET introspection, PUT sync, POST step calls) for the app's job
 * functions, with the client configured from the environment. The route serves them; the real-engine
 * test suite serves the same handlers from a small HTTP server.
 */
export function createInngestHandlers(functions: readonly AnyJobDefinition[]) {
  const client = getInngestClient();
  return serve({ client, functions: functions.map((f) => toInngestFunction(f, client)) });
}
