import { startFakeGraphServer, type FakeGraphServer } from "@/lib/meta/fake-graph-server";

const g = globalThis as unknown as { __lssFakeGraph?: Promise<FakeGraphServer> };

/**
 * The embedded default has no real Meta app: the bot's Graph calls go to this in-process fake
 * (META_GRAPH_API_URL points at it), and the simulator shows what it received.
 */
export function startBuiltInFakeGraph(): Promise<FakeGraphServer> {
  g.__lssFakeGraph ??= startFakeGraphServer({ port: Number(process.env.FAKE_GRAPH_PORT ?? 0), host: "127.0.0.1", maxRecordedCalls: 5000 });
  return g.__lssFakeGraph;
}

export function builtInFakeGraph(): Promise<FakeGraphServer> | null {
  return g.__lssFakeGraph ?? null;
}
