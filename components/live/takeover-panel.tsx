"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ArrowDownLeft, ArrowUpRight, MessageSquare } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select, Textarea } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { toast } from "@/components/ui/toast";
import { api } from "@/components/dashboard/api-client";
import type { Product } from "@/components/dashboard/inventory/types";
import { cn } from "@/lib/utils";
import { format } from "@/lib/i18n";
import type { BuyerConversation, FeedComment, LccFormat, LccText, LiveCart } from "./types";

const INTENTS = ["BUY", "QUESTION", "GREETING", "CANCEL", "OPT_OUT", "OTHER"] as const;

function newClientId() {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Manual takeover of one buyer: pause the bot for them, read and write the conversation, correct how
 * the AI read their comment (creating or fixing the cart), and edit the cart's lines.
 */
export function TakeoverPanel({ liveId, storeId, buyerId, comment, carts, t, fmt, onCorrected }: {
  liveId: string;
  storeId: string;
  buyerId: string | null;
  comment: FeedComment | null;
  carts: LiveCart[];
  t: LccText;
  fmt: LccFormat;
  onCorrected: (row: FeedComment) => void;
}) {
  const qc = useQueryClient();
  const buyer = useQuery({ queryKey: ["buyer", buyerId], queryFn: () => api<BuyerConversation>(`/api/v1/buyers/${buyerId}`), enabled: Boolean(buyerId) });
  const products = useQuery({ queryKey: ["products", storeId, ""], queryFn: () => api<Product[]>(`/api/v1/inventory/products?store_id=${storeId}&limit=500`), enabled: Boolean(buyerId) });
  const [text, setText] = useState("");
  const [clientId, setClientId] = useState(newClientId);
  const refreshBuyer = () => qc.invalidateQueries({ queryKey: ["buyer", buyerId] });
  const refreshCarts = () => qc.invalidateQueries({ queryKey: ["lcc-carts", liveId] });

  const pause = useMutation({
    mutationFn: (paused: boolean) => api<BuyerConversation>(`/api/v1/buyers/${buyerId}`, { method: "PATCH", json: { bot_paused: paused } }),
    onSuccess: (b) => qc.setQueryData(["buyer", buyerId], b),
    onError: (e) => toast({ title: e.message, tone: "error" }),
  });
  const send = useMutation({
    mutationFn: () => api<{ status: string; reason: string | null }>(`/api/v1/buyers/${buyerId}/messages`, { method: "POST", json: { text, live_id: liveId, client_id: clientId } }),
    onSuccess: (r) => {
      if (r.status === "SENT") {
        toast({ title: t.live.sent, tone: "success" });
        setText("");
        setClientId(newClientId());
      } else toast({ title: `${t.messageStatus[r.status as "SKIPPED"] ?? r.status}${r.reason ? `: ${r.reason}` : ""}`, tone: "error" });
      void refreshBuyer();
    },
    onError: (e) => toast({ title: e.message, tone: "error" }),
  });

  if (!buyerId) return <p className="p-4 text-sm text-muted-foreground">{t.live.selectBuyer}</p>;
  const b = buyer.data;
  const name = b?.name || comment?.author_name || "—";
  const openCarts = carts.filter((c) => c.buyer_id === buyerId && c.status === "PENDING");

  return (
    <div className="flex flex-col gap-4 p-3" data-testid="takeover">
      <div className="flex items-start justify-between gap-3">
        <h3 className="text-base font-semibold">{name}</h3>
        {b?.in_messaging_window && <Badge variant="success">24 h</Badge>}
      </div>
      {b?.opted_out && <Alert tone="warning">{t.live.optedOut}</Alert>}
      <div className="flex items-start gap-3 rounded-lg border border-border p-3">
        {/* The label names what switching on does; the line under it says what is true now. */}
        <Switch id="buyer-pause" checked={Boolean(b?.bot_paused)} disabled={!b || pause.isPending} onCheckedChange={(v) => pause.mutate(v)} tone="primary" aria-describedby="buyer-pause-state" />
        <div>
          <Label htmlFor="buyer-pause">{format(t.live.pauseBot, { name })}</Label>
          <p id="buyer-pause-state" className={cn("text-xs", b?.bot_paused ? "text-amber-200" : "text-muted-foreground")} data-testid="buyer-pause-state">
            {format(b?.bot_paused ? t.live.pauseStateOn : t.live.pauseStateOff, { name })}
          </p>
        </div>
      </div>

      <section aria-labelledby="convo-title" className="flex flex-col gap-2">
        <h4 id="convo-title" className="text-sm font-medium">{t.live.conversation}</h4>
        <ol className="flex max-h-56 flex-col gap-1.5 overflow-y-auto rounded-md bg-background p-2 text-sm" data-testid="conversation">
          {(b?.entries ?? []).length === 0 && <li className="text-muted-foreground">{t.live.noConversation}</li>}
          {(b?.entries ?? []).map((e) => (
            <li key={`${e.kind}-${e.id}`} className={cn("flex gap-2", e.kind === "outbound" && "flex-row-reverse text-end")}>
              {e.kind === "outbound" ? <ArrowUpRight className="mt-0.5 size-3.5 shrink-0 text-blue-300" aria-hidden /> : e.kind === "inbound" ? <ArrowDownLeft className="mt-0.5 size-3.5 shrink-0 text-success" aria-hidden /> : <MessageSquare className="mt-0.5 size-3.5 shrink-0 text-muted-foreground" aria-hidden />}
              <span className={cn("min-w-0 break-words rounded-md px-2 py-1", e.kind === "outbound" ? "bg-primary/15" : "bg-muted")}>
                {e.text || "—"}
                <span className="block text-[11px] text-muted-foreground">
                  {fmt.time(e.at)}
                  {e.kind === "outbound" && ` · ${t.messageStatus[e.status as "SENT"] ?? e.status}`}
                  {e.kind === "comment" && e.intent && ` · ${t.intents[e.intent as "BUY"] ?? e.intent}`}
                </span>
              </span>
            </li>
          ))}
        </ol>
      </section>

      <form
        className="flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) send.mutate();
        }}
      >
        <Label htmlFor="takeover-message">{format(t.live.message, { name })}</Label>
        <Textarea id="takeover-message" value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={2000} disabled={b?.opted_out} aria-describedby="takeover-window" />
        <p id="takeover-window" className="text-xs text-muted-foreground">{t.live.windowHelp}</p>
        <Button type="submit" size="sm" className="self-start" disabled={send.isPending || !text.trim() || b?.opted_out}>{t.live.send}</Button>
      </form>

      {comment && comment.buyer_id === buyerId && (
        <CorrectionForm key={comment.id} liveId={liveId} comment={comment} products={products.data ?? []} t={t} onDone={(row) => { onCorrected(row); void refreshCarts(); void refreshBuyer(); }} />
      )}

      {openCarts.map((cart) => (
        <CartEditor key={cart.id} liveId={liveId} cart={cart} products={products.data ?? []} t={t} fmt={fmt} onChanged={() => void refreshCarts()} />
      ))}
    </div>
  );
}

function CorrectionForm({ liveId, comment, products, t, onDone }: { liveId: string; comment: FeedComment; products: Product[]; t: LccText; onDone: (row: FeedComment) => void }) {
  const [intent, setIntent] = useState<string>(comment.intent ?? "BUY");
  const [sku, setSku] = useState(comment.sku ?? "");
  const [quantity, setQuantity] = useState(String(comment.quantity ?? 1));
  const [sendLink, setSendLink] = useState(true);
  const apply = useMutation({
    mutationFn: () =>
      api<{ comment: FeedComment; message: { status: string } | null }>(`/api/v1/lives/${liveId}/takeover/comments/${comment.id}`, {
        method: "POST",
        json: { intent, ...(intent === "BUY" && { sku, quantity: Number(quantity) || 1, send_link: sendLink }) },
      }),
    onSuccess: (r) => {
      toast({ title: t.live.corrected, tone: "success" });
      onDone(r.comment);
    },
    onError: (e) => toast({ title: e.message, tone: "error" }),
  });
  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-border p-3"
      onSubmit={(e) => {
        e.preventDefault();
        apply.mutate();
      }}
      data-testid="correction"
    >
      <h4 className="text-sm font-medium">{t.live.correct}</h4>
      <p className="line-clamp-3 text-xs text-muted-foreground">{format(t.live.selectedComment, { text: comment.text })}</p>
      <div className="grid grid-cols-2 gap-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor="fix-intent">{t.live.intent}</Label>
          <Select id="fix-intent" value={intent} onChange={(e) => setIntent(e.target.value)}>
            {INTENTS.map((i) => <option key={i} value={i}>{t.intents[i]}</option>)}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="fix-qty">{t.live.quantity}</Label>
          <Input id="fix-qty" type="number" min={1} max={99} value={quantity} onChange={(e) => setQuantity(e.target.value)} disabled={intent !== "BUY"} />
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="fix-sku">{t.live.product}</Label>
        <Select id="fix-sku" value={sku} onChange={(e) => setSku(e.target.value)} disabled={intent !== "BUY"}>
          <option value="">{t.live.chooseProduct}</option>
          {products.filter((p) => p.active).map((p) => <option key={p.id} value={p.sku}>{p.sku} — {p.name} ({p.available})</option>)}
        </Select>
      </div>
      {intent === "BUY" && (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={sendLink} onChange={(e) => setSendLink(e.target.checked)} className="size-4 accent-primary" />
          {t.live.sendLink}
        </label>
      )}
      <Button type="submit" size="sm" className="self-start" disabled={apply.isPending || (intent === "BUY" && !sku)}>{t.live.apply}</Button>
    </form>
  );
}

function CartEditor({ liveId, cart, products, t, fmt, onChanged }: { liveId: string; cart: LiveCart; products: Product[]; t: LccText; fmt: LccFormat; onChanged: () => void }) {
  const [addSku, setAddSku] = useState("");
  const set = useMutation({
    mutationFn: ({ sku, quantity }: { sku: string; quantity: number }) => api<LiveCart>(`/api/v1/lives/${liveId}/takeover/carts/${cart.id}`, { method: "PUT", json: { sku, quantity } }),
    onSuccess: () => onChanged(),
    onError: (e) => toast({ title: e.message, tone: "error" }),
  });
  return (
    <section className="flex flex-col gap-2 rounded-lg border border-border p-3" aria-label={`${t.live.cart} #${cart.number}`} data-testid="cart-editor">
      <h4 className="text-sm font-medium">{t.live.cart} #{cart.number} · {fmt.money(cart.total_minor)}</h4>
      {cart.items.map((i) => (
        <form
          key={i.sku}
          className="flex items-center gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            set.mutate({ sku: i.sku, quantity: Number(new FormData(e.currentTarget).get("qty")) });
          }}
        >
          <span className="min-w-0 flex-1 truncate text-sm"><bdi className="font-mono">{i.sku}</bdi> <bdi>{i.name}</bdi></span>
          <Input name="qty" type="number" min={0} max={99} defaultValue={i.quantity} className="h-8 w-16" aria-label={format(t.live.lineQuantity, { sku: i.sku })} />
          <Button type="submit" size="sm" variant="outline" disabled={set.isPending}>{t.live.updateLine}</Button>
        </form>
      ))}
      <div className="flex items-center gap-2">
        <Select value={addSku} onChange={(e) => setAddSku(e.target.value)} aria-label={t.live.chooseProduct} className="h-8 flex-1">
          <option value="">{t.live.chooseProduct}</option>
          {products.filter((p) => p.active && !cart.items.some((i) => i.sku === p.sku)).map((p) => <option key={p.id} value={p.sku}>{p.sku} — {p.name}</option>)}
        </Select>
        <Button type="button" size="sm" variant="outline" disabled={!addSku || set.isPending} onClick={() => set.mutate({ sku: addSku, quantity: 1 })}>{t.common.add}</Button>
      </div>
    </section>
  );
}
