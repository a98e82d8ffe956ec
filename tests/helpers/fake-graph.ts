import { afterAll, beforeAll, beforeEach } from "vitest";
import { startFakeGraphServer, type FakeGraphServer } from "@/lib/simulator/dev-graph-api";
import { reloadEnv } from "./env";

/**
 * The suite's Graph API: the development fake on a free port, META_GRAPH_API_URL pointed at it, reset
 * before each test and closed after the file. Returns a getter (the server starts in beforeAll).
 */
export function fakeGraphPerFile(): () => FakeGraphServer {
  let graph: FakeGraphServer | null = null;
  beforeAll(async () => {
    graph = await startFakeGraphServer();
    process.env.META_GRAPH_API_URL = graph.url;
    process.env.APP_URL = "http://localhost:3999";
    reloadEnv();
  });
  afterAll(async () => graph?.close());
  beforeEach(() => graph?.reset());
  return () => graph!;
}
