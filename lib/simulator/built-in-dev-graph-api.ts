import { processSettings } from "@/lib/env";
import { startFakeGraphServer, type FakeGraphServer } from "./dev-graph-api";

const g = globalThis as unknown as { __lssFakeGraph?: Promise<FakeGraphServer> };

/**
 * The embedded default (FAKE_GRAPH) has no real Meta app: the bot's Graph calls go to this in-process
 * development stand-in (META_GRAPH_API_URL points at it), and the simulator shows what it received.
 * A deployment whose META_GRAPH_API_URL points at Meta never starts it.
 */
export function startBuiltInFakeGraph(): Promise<FakeGraphServer> {
  g.__lssFakeGraph ??= startFakeGraphServer({ port: processSettings().fakeGraphPort, host: "127.0.0.1", maxRecordedCalls: 5000 });
  return g.__lssFakeGraph;
}

export function builtInFakeGraph(): Promise<FakeGraphServer> | null {
  return g.__lssFakeGraph ?? null;
}
