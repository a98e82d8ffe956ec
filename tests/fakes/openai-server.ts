import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeMode = "structured" | "plain" | "garbage" | "fail" | "slow";

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: {
    model: string;
    messages: Array<{ role: string; content: string }>;
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema?: Record<string, unknown> } };
  };
}

export interface FakeOpenAiServer {
  baseURL: string;
  requests: RecordedRequest[];
  mode: FakeMode;
  slowMs: number;
  /** Canned answer for a comment (the "comment" field of the user message). */
  answer: (comment: string) => Record<string, unknown>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A loopback stand-in for POST /v1/chat/completions that tests steer through `mode`. */
export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  const state: Omit<FakeOpenAiServer, "baseURL" | "close"> = {
    requests: [],
    mode: "structured",
    slowMs: 2000,
    answer: () => ({ intent: "OTHER", sku: null, quantity: null, confidence: 0.5, language: "es", erase: false, reason: "default" }),
  };
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(raw) as RecordedRequest["body"];
    state.requests.push({ path: req.url, authorization: req.headers.authorization, body });
    const user = body.messages.find((m) => m.role === "user")?.content ?? "{}";
    const comment = String((JSON.parse(user) as { comment?: string }).comment ?? "");
    const reply = (content: string) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: "chatcmpl-fake",
          object: "chat.completion",
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, message: { role: "assistant", content, refusal: null }, finish_reason: "stop", logprobs: null }],
          usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
        }),
      );
    };
    switch (state.mode) {
      case "fail":
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { message: "boom", type: "server_error" } }));
        return;
      case "slow": {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) reply(JSON.stringify(state.answer(comment)));
        }, state.slowMs);
        timers.add(timer);
        return;
      }
      case "plain":
        reply("Sure! Here is the classification:\n```json\n" + JSON.stringify(state.answer(comment)) + "\n```");
        return;
      case "garbage":
        reply("I think the buyer wants the red one.");
        return;
      default:
        reply(JSON.stringify(state.answer(comment)));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const fake = state as FakeOpenAiServer;
  fake.baseURL = `http://127.0.0.1:${port}/v1`;
  fake.close = async () => {
    for (const t of timers) clearTimeout(t);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return fake;
}
