"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Send, Bot, MessageSquare } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

type Live = { id: string; title: string; botEnabled: boolean };
type Comment = { id: string; author_name: string; text: string; intent: string | null; sku: string | null; quantity: number | null; confidence: number | null; language: string | null; status: string; reason: string | null };
type QuickReply = { title: string; payload: string };
type Sent = { id: string; kind: string; purpose: string; status: string; comment_id: string | null; body: { message?: unknown }; error: string | null; created_at: string };

async function api<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? res.statusText);
  return body as T;
}

/** Reads Meta message shapes (text, button template, quick replies) into something to render. */
function describe(message: unknown): { text: string; url?: string; buttonTitle?: string; quickReplies: QuickReply[] } {
  if (typeof message === "string") return { text: message, quickReplies: [] };
  const m = (message ?? {}) as { text?: string; quick_replies?: QuickReply[]; attachment?: { payload?: { text?: string; buttons?: { url?: string; title?: string }[] } } };
  const button = m.attachment?.payload?.buttons?.[0];
  return { text: m.text ?? m.attachment?.payload?.text ?? JSON.stringify(message), url: button?.url, buttonTitle: button?.title, quickReplies: m.quick_replies ?? [] };
}

const PRESETS = ["quiero 2 de la {sku}", "SOLD {sku}", "eu quero {sku}", "I'll take {sku} x2", "cuánto cuesta la {sku}?", "hola desde Lima!", "cancelar", "STOP"];

export function SimulatorPanel({ storeId, isOwner, lives: initialLives, products }: { storeId: string; isOwner: boolean; lives: Live[]; products: { sku: string; name: string }[] }) {
  const qc = useQueryClient();
  const [lives, setLives] = useState(initialLives);
  const [liveId, setLiveId] = useState(initialLives[0]?.id ?? "");
  const [author, setAuthor] = useState("Carla Pérez");
  const [text, setText] = useState(products[0] ? `quiero 2 de la ${products[0].sku}` : "hola!");
  const sku = products[0]?.sku ?? "A12";

  const startLive = useMutation({
    mutationFn: async () => {
      await api("/api/dev/simulator/setup", { method: "POST", body: JSON.stringify({ store_id: storeId }) });
      return api<{ id: string; title: string; bot_enabled: boolean }>("/api/v1/lives", { method: "POST", body: JSON.stringify({ store_id: storeId, fb_video_id: `sim${Date.now()}`, title: `Simulated live ${new Date().toLocaleTimeString()}` }) });
    },
    onSuccess: (live) => {
      setLives((l) => [{ id: live.id, title: live.title, botEnabled: live.bot_enabled }, ...l]);
      setLiveId(live.id);
    },
  });
  const comments = useQuery({ queryKey: ["sim-comments", liveId], enabled: !!liveId, refetchInterval: 1000, queryFn: () => api<Comment[]>(`/api/v1/lives/${liveId}/comments?limit=50`) });
  const sent = useQuery({ queryKey: ["sim-sent", liveId], enabled: !!liveId, refetchInterval: 1000, queryFn: () => api<Sent[]>(`/api/dev/simulator/sent?live_id=${liveId}`) });
  const post = useMutation({
    mutationFn: () => api("/api/dev/simulator/comment", { method: "POST", body: JSON.stringify({ live_id: liveId, author_name: author, text }) }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["sim-comments", liveId] }),
  });
  const reply = useMutation({
    mutationFn: (payload: string) => api("/api/dev/simulator/message", { method: "POST", body: JSON.stringify({ store_id: storeId, author_name: author, payload }) }),
  });

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Simulator</h1>
        <p className="text-sm text-muted-foreground">Comment as a fake buyer. Comments go through the real signed Meta webhook; the bot answers through the real Graph client to a built-in fake Graph API.</p>
      </div>
      {lives.length === 0 ? (
        <Card>
          <CardHeader><CardTitle>No live running</CardTitle><CardDescription>Start a simulated live on a simulator Page connected to this store.</CardDescription></CardHeader>
          <CardContent>
            {isOwner ? <Button onClick={() => startLive.mutate()} disabled={startLive.isPending}>Start a simulated live</Button> : <p className="text-sm">Ask the store owner to start one.</p>}
            {startLive.error && <Alert tone="error" className="mt-3">{startLive.error.message}</Alert>}
          </CardContent>
        </Card>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader><CardTitle className="flex items-center gap-2"><MessageSquare className="size-5" aria-hidden /> Post a comment</CardTitle></CardHeader>
            <CardContent className="flex flex-col gap-3">
              <div className="flex flex-col gap-2">
                <Label htmlFor="sim-live">Live</Label>
                <Select id="sim-live" value={liveId} onChange={(e) => setLiveId(e.target.value)}>
                  {lives.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
                </Select>
              </div>
              <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); post.mutate(); }}>
                <div className="flex flex-col gap-2">
                  <Label htmlFor="sim-author">Buyer name</Label>
                  <Input id="sim-author" value={author} onChange={(e) => setAuthor(e.target.value)} required />
                </div>
                <div className="flex flex-col gap-2">
                  <Label htmlFor="sim-text">Comment</Label>
                  <Input id="sim-text" value={text} onChange={(e) => setText(e.target.value)} required />
                </div>
                <div className="flex flex-wrap gap-2">
                  {PRESETS.map((p) => (
                    <button key={p} type="button" className="rounded-full border border-border px-3 py-1 text-xs hover:bg-muted" onClick={() => setText(p.replace("{sku}", sku))}>{p.replace("{sku}", sku)}</button>
                  ))}
                </div>
                <Button type="submit" disabled={post.isPending || !liveId}><Send aria-hidden /> Comment</Button>
                {post.error && <Alert tone="error">{post.error.message}</Alert>}
              </form>
              <h2 className="mt-4 text-sm font-semibold text-muted-foreground">Comments, as the bot understood them</h2>
              <ul className="flex flex-col gap-2" data-testid="sim-comments">
                {comments.data?.map((c) => (
                  <li key={c.id} className="rounded-md border border-border p-2 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{c.author_name}</span>
                      {c.intent && <Badge>{c.intent}</Badge>}
                      {c.sku && <Badge variant="outline">{c.sku} × {c.quantity ?? 1}</Badge>}
                      {c.confidence !== null && <span className="text-xs text-muted-foreground">{Math.round(c.confidence * 100)}%</span>}
                      <Badge variant={c.status === "PROCESSED" ? "success" : c.status === "NEEDS_REVIEW" ? "warning" : "outline"}>{c.status}</Badge>
                    </div>
                    <p className="mt-1">{c.text}</p>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle className="flex items-center gap-2"><Bot className="size-5" aria-hidden /> What the bot sent</CardTitle></CardHeader>
            <CardContent>
              <ul className="flex flex-col gap-3" data-testid="sim-sent">
                {sent.data?.map((m) => {
                  const d = describe(m.body.message);
                  return (
                    <li key={m.id} className="rounded-md border border-border p-3 text-sm">
                      <div className="mb-1 flex flex-wrap gap-2">
                        <Badge variant={m.kind === "PUBLIC_REPLY" ? "outline" : "default"}>{m.kind === "PUBLIC_REPLY" ? "public reply" : m.kind === "PRIVATE_REPLY" ? "private reply" : "message"}</Badge>
                        <Badge variant={m.status === "SENT" ? "success" : m.status === "FAILED" ? "destructive" : "warning"}>{m.status}</Badge>
                        <span className="text-xs text-muted-foreground">{m.purpose}</span>
                      </div>
                      <p className="whitespace-pre-line">{d.text}</p>
                      {d.url && <a className="mt-2 inline-block rounded-md bg-primary px-3 py-1.5 text-primary-foreground" href={d.url} target="_blank" rel="noreferrer">{d.buttonTitle ?? "Open"}</a>}
                      {d.quickReplies.length > 0 && (
                        <div className="mt-2 flex flex-wrap gap-2">
                          {d.quickReplies.map((q) => <Button key={q.payload} size="sm" variant="outline" onClick={() => reply.mutate(q.payload)}>{q.title}</Button>)}
                        </div>
                      )}
                      {m.error && <p className="mt-1 text-xs text-muted-foreground">{m.error}</p>}
                    </li>
                  );
                })}
              </ul>
            </CardContent>
          </Card>
        </div>
      )}
    </div>
  );
}
