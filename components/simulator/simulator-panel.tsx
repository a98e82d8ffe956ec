"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Send, Bot, MessageSquare } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { api } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";

type Live = { id: string; title: string; botEnabled: boolean };
type Comment = { id: string; author_name: string; text: string; intent: string | null; sku: string | null; quantity: number | null; confidence: number | null; language: string | null; status: string; reason: string | null };
type QuickReply = { title: string; payload: string };
type Sent = { id: string; kind: string; purpose: string; status: string; comment_id: string | null; body: { message?: unknown; text?: string }; error: string | null; created_at: string };

type T = {
  simulator: Messages["simulator"];
  intents: Messages["intents"];
  commentStatus: Messages["live"]["commentStatus"];
  confidence: string;
  messageKind: Messages["messageKind"];
  messagePurpose: Messages["messagePurpose"];
  messageStatus: Messages["messageStatus"];
};
const label = <M extends Record<string, string>>(map: M, key: string | null | undefined, fallback: string) => (key && key in map ? map[key as keyof M]! : fallback);

/** Reads Meta message shapes (text, button template, quick replies) into something to render. */
function describe(message: unknown): { text: string; url?: string; buttonTitle?: string; quickReplies: QuickReply[] } {
  if (typeof message === "string") return { text: message, quickReplies: [] };
  const m = (message ?? {}) as { text?: string; quick_replies?: QuickReply[]; attachment?: { payload?: { text?: string; buttons?: { url?: string; title?: string }[] } } };
  const button = m.attachment?.payload?.buttons?.[0];
  return { text: m.text ?? m.attachment?.payload?.text ?? JSON.stringify(message), url: button?.url, buttonTitle: button?.title, quickReplies: m.quick_replies ?? [] };
}

const PRESETS = ["quiero 2 de la {sku}", "SOLD {sku}", "eu quero {sku}", "I'll take {sku} x2", "cuánto cuesta la {sku}?", "hola desde Lima!", "cancelar", "STOP"];

/** Buyers' comments are examples in their own languages (the bot is multilingual); everything else follows the UI language. */
export function SimulatorPanel({ storeId, isOwner, lives: initialLives, products, uiLocale, timezone, t }: {
  storeId: string; isOwner: boolean; lives: Live[]; products: { sku: string; name: string }[]; uiLocale: string; timezone: string; t: T;
}) {
  const ts = t.simulator;
  const qc = useQueryClient();
  const [lives, setLives] = useState(initialLives);
  const [liveId, setLiveId] = useState(initialLives[0]?.id ?? "");
  const [author, setAuthor] = useState("Carla Pérez");
  const [text, setText] = useState(products[0] ? `quiero 2 de la ${products[0].sku}` : "hola!");
  const sku = products[0]?.sku ?? "A12";

  const startLive = useMutation({
    mutationFn: async () => {
      await api("/api/dev/simulator/setup", { method: "POST", json: { store_id: storeId } });
      const time = new Intl.DateTimeFormat(uiLocale, { hour: "2-digit", minute: "2-digit", timeZone: timezone }).format(new Date());
      return api<{ id: string; title: string; bot_enabled: boolean }>("/api/v1/lives", { method: "POST", json: { store_id: storeId, fb_video_id: `sim${Date.now()}`, title: format(ts.liveTitle, { time }) } });
    },
    onSuccess: (live) => {
      setLives((l) => [{ id: live.id, title: live.title, botEnabled: live.bot_enabled }, ...l]);
      setLiveId(live.id);
    },
  });
  const comments = useQuery({ queryKey: ["sim-comments", liveId], enabled: !!liveId, refetchInterval: 1000, queryFn: () => api<Comment[]>(`/api/v1/lives/${liveId}/comments?limit=50`) });
  const sent = useQuery({ queryKey: ["sim-sent", liveId], enabled: !!liveId, refetchInterval: 1000, queryFn: () => api<Sent[]>(`/api/dev/simulator/sent?live_id=${liveId}`) });
  const post = useMutation({
    mutationFn: () => api("/api/dev/simulator/comment", { method: "POST", json: { live_id: liveId, author_name: author, text } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["sim-comments", liveId] }),
  });
  const reply = useMutation({
    mutationFn: (payload: string) => api("/api/dev/simulator/message", { method: "POST", json: { store_id: storeId, author_name: author, payload } }),
  });

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{ts.title}</h1>
        <p className="text-sm text-muted-foreground">{ts.intro}</p>
      </div>
      {lives.length === 0 ? (
        <Card>
          <CardHeader><CardTitle>{ts.noLive}</CardTitle><CardDescription>{ts.noLiveHelp}</CardDescription></CardHeader>
          <CardContent>
            {isOwner ? <Button onClick={() => startLive.mutate()} disabled={startLive.isPending}>{startLive.isPending ? ts.starting : ts.start}</Button> : <p className="text-sm">{ts.askOwner}</p>}
            {startLive.error && <Alert tone="error" className="mt-3">{startLive.error.message}</Alert>}
          </CardContent>
        </Card>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader><CardTitle className="flex items-center gap-2"><MessageSquare className="size-5" aria-hidden /> {ts.postTitle}</CardTitle></CardHeader>
            <CardContent className="flex flex-col gap-3">
              <div className="flex flex-col gap-2">
                <Label htmlFor="sim-live">{ts.live}</Label>
                <Select id="sim-live" value={liveId} onChange={(e) => setLiveId(e.target.value)}>
                  {lives.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}
                </Select>
              </div>
              <form className="flex flex-col gap-3" onSubmit={(e) => { e.preventDefault(); post.mutate(); }}>
                <div className="flex flex-col gap-2">
                  <Label htmlFor="sim-author">{ts.buyer}</Label>
                  <Input id="sim-author" dir="auto" value={author} onChange={(e) => setAuthor(e.target.value)} required />
                </div>
                <div className="flex flex-col gap-2">
                  <Label htmlFor="sim-text">{ts.comment}</Label>
                  <Input id="sim-text" dir="auto" value={text} onChange={(e) => setText(e.target.value)} required />
                </div>
                <div role="group" aria-label={ts.examples} className="flex flex-wrap gap-2">
                  {PRESETS.map((p) => (
                    <button key={p} type="button" dir="auto" className="rounded-full border border-border px-3 py-1 text-xs hover:bg-muted" onClick={() => setText(p.replace("{sku}", sku))}>{p.replace("{sku}", sku)}</button>
                  ))}
                </div>
                <Button type="submit" disabled={post.isPending || !liveId}><Send className="rtl:-scale-x-100" aria-hidden /> {ts.send}</Button>
                {post.error && <Alert tone="error">{post.error.message}</Alert>}
              </form>
              <h2 className="mt-4 text-sm font-semibold text-muted-foreground">{ts.understood}</h2>
              {comments.data?.length === 0 && <p className="text-sm text-muted-foreground">{ts.nothingYet}</p>}
              <ul className="flex flex-col gap-2" data-testid="sim-comments">
                {comments.data?.map((c) => (
                  <li key={c.id} className="rounded-md border border-border p-2 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <bdi className="font-medium">{c.author_name}</bdi>
                      {c.intent && <Badge>{label(t.intents, c.intent, c.intent)}</Badge>}
                      {c.sku && <Badge variant="outline"><bdi>{c.sku}</bdi>&nbsp;× {c.quantity ?? 1}</Badge>}
                      {c.confidence !== null && <span className="text-xs text-muted-foreground">{format(t.confidence, { pct: Math.round(c.confidence * 100) })}</span>}
                      <Badge variant={c.status === "PROCESSED" ? "success" : c.status === "NEEDS_REVIEW" ? "warning" : "outline"}>{label(t.commentStatus, c.status, c.status)}</Badge>
                    </div>
                    <p className="mt-1" dir="auto">{c.text}</p>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle className="flex items-center gap-2"><Bot className="size-5" aria-hidden /> {ts.sentTitle}</CardTitle></CardHeader>
            <CardContent>
              {sent.data?.length === 0 && <p className="text-sm text-muted-foreground">{ts.nothingYet}</p>}
              <ul className="flex flex-col gap-3" data-testid="sim-sent">
                {sent.data?.map((m) => {
                  // Seller alerts carry their line as `text`; Meta messages as `message`.
                  const d = describe(m.body.message ?? m.body.text);
                  return (
                    <li key={m.id} className="rounded-md border border-border p-3 text-sm">
                      <div className="mb-1 flex flex-wrap gap-2">
                        <Badge variant={m.kind === "PUBLIC_REPLY" ? "outline" : "default"}>{label(t.messageKind, m.kind, t.messageKind.DM)}</Badge>
                        <Badge variant={m.status === "SENT" ? "success" : m.status === "FAILED" ? "destructive" : "warning"} title={m.error ?? undefined}>{label(t.messageStatus, m.status, m.status)}</Badge>
                        <span className="text-xs text-muted-foreground">{label(t.messagePurpose, m.purpose, t.messagePurpose.other)}</span>
                      </div>
                      <p className="whitespace-pre-line" dir="auto">{d.text}</p>
                      {d.url && <a className="mt-2 inline-block rounded-md bg-primary px-3 py-1.5 text-primary-foreground" href={d.url} target="_blank" rel="noreferrer">{d.buttonTitle ?? ts.open}</a>}
                      {d.quickReplies.length > 0 && (
                        <div role="group" aria-label={ts.quickReplies} className="mt-2 flex flex-wrap gap-2">
                          {d.quickReplies.map((q) => <Button key={q.payload} size="sm" variant="outline" onClick={() => reply.mutate(q.payload)}>{q.title}</Button>)}
                        </div>
                      )}
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
