"use client";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useEffect, useRef, useState } from "react";
import { ArrowUp, Check, CircleSlash, Hand, Loader2, MessageCircle, PauseCircle, ShoppingCart } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { toast } from "@/components/ui/toast";
import { api } from "@/components/dashboard/api-client";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";
import { format } from "@/lib/i18n";
import type { FeedComment, LccFormat, LccText } from "./types";

export type FeedFilter = "all" | "buy" | "questions" | "review";

const INTENT_VARIANT = { BUY: "success", QUESTION: "default", GREETING: "outline", CANCEL: "warning", OPT_OUT: "destructive", OTHER: "outline" } as const;

const matchesFilter = (c: FeedComment, f: FeedFilter) =>
  f === "all" || (f === "buy" && c.intent === "BUY") || (f === "questions" && c.intent === "QUESTION") || (f === "review" && (c.status === "NEEDS_REVIEW" || c.status === "FAILED"));

const Row = memo(function Row({ c, selected, onSelect, t, fmt }: { c: FeedComment; selected: boolean; onSelect: (c: FeedComment) => void; t: LccText; fmt: LccFormat }) {
  const pending = c.status === "RECEIVED" || c.status === "PROCESSING";
  return (
    <button
      type="button"
      onClick={() => onSelect(c)}
      aria-pressed={selected}
      className={cn("flex w-full flex-col gap-1 border-b border-border px-3 py-2 text-start hover:bg-muted/60 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring", selected && "bg-primary/10")}
      data-testid="feed-row"
      data-comment-id={c.id}
      data-intent={c.intent ?? ""}
      data-status={c.status}
      data-outcome={c.outcome ?? ""}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
        <time className="tabular-nums text-muted-foreground" dateTime={c.received_at}>{fmt.time(c.received_at)}</time>
        <bdi className="max-w-40 truncate font-medium text-foreground">{c.author_name || "—"}</bdi>
        {c.intent && (
          <Badge variant={INTENT_VARIANT[c.intent]} data-testid="intent-tag">
            {t.intents[c.intent]}
            {c.confidence !== null && <span className="ms-1 font-normal opacity-80">{format(t.live.confidence, { pct: Math.round(c.confidence * 100) })}</span>}
          </Badge>
        )}
        {c.sku && <span className="font-mono text-muted-foreground">{c.sku}{c.quantity ? ` ×${c.quantity}` : ""}</span>}
        {pending ? (
          <span className="inline-flex items-center gap-1 text-muted-foreground"><Loader2 className="size-3 animate-spin" aria-hidden />{t.live.commentStatus[c.status]}</span>
        ) : c.status === "PROCESSED" && c.outcome === "sold_out" ? (
          // Answered, but nothing was sold: not an ordinary "done" comment.
          <Badge variant="destructive" data-testid="outcome-tag">{t.live.commentOutcome.sold_out}</Badge>
        ) : c.status !== "PROCESSED" ? (
          <Badge variant={c.status === "NEEDS_REVIEW" ? "warning" : c.status === "FAILED" ? "destructive" : c.status === "PAUSED" ? "default" : "outline"} data-testid="comment-status">
            {c.status === "PAUSED" && <PauseCircle className="me-1 size-3" aria-hidden />}{t.live.commentStatus[c.status]}
          </Badge>
        ) : null}
        {c.order_status && (
          <span className="inline-flex items-center gap-1 text-muted-foreground" data-testid="order-status"><ShoppingCart className="size-3" aria-hidden />{t.orderStatus[c.order_status]}</span>
        )}
        {c.private_reply && (
          <span className={cn("inline-flex items-center gap-1", c.private_reply === "SENT" ? "text-success" : "text-muted-foreground")} data-testid="dm-status">
            {c.private_reply === "SENT" ? <Check className="size-3" aria-hidden /> : <MessageCircle className="size-3" aria-hidden />}
            {t.live.dm}: {t.messageStatus[c.private_reply]}
          </span>
        )}
        {c.buyer_paused && <span className="inline-flex items-center gap-1 text-amber-200"><Hand className="size-3" aria-hidden />{t.live.buyerPaused}</span>}
        {c.buyer_opted_out && <CircleSlash className="size-3 text-rose-300" aria-label={t.live.optedOut} />}
      </div>
      <p dir="auto" className="line-clamp-2 break-words text-start text-sm">{c.text}</p>
    </button>
  );
});

/**
 * The review queue's one-tap answer: each candidate the bot could not choose between, as a button that
 * reserves it for the buyer and sends the cart (the same path as the buyer's own quick-reply tap).
 */
function ReviewChoices({ liveId, c, t, onResolved }: { liveId: string; c: FeedComment; t: LccText; onResolved: (row: FeedComment) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const choose = async (sku: string) => {
    setBusy(sku);
    try {
      const r = await api<{ comment: FeedComment; result: { status: string; dm?: string } }>(`/api/v1/lives/${liveId}/comments/${c.id}/choose`, { method: "POST", json: { sku } });
      const msg = r.result.status === "out_of_stock" ? t.live.reviewSoldOut : r.result.dm === "SENT" ? t.live.reviewResolved : t.live.reviewResolvedNoDm;
      toast({ title: msg, tone: r.result.status === "reserved" && r.result.dm === "SENT" ? "success" : "info" });
      onResolved(r.comment);
    } catch (e) {
      toast({ title: (e as Error).message, tone: "error" });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-1 border-b border-border bg-warning/5 px-3 pb-2 pt-1 text-xs" role="group" aria-label={t.live.reviewChoose} data-testid="review-choices">
      <span className="text-muted-foreground">{t.live.reviewChoose}</span>
      {c.candidates.map((p) => (
        <Button
          key={p.sku}
          type="button"
          size="sm"
          variant="outline"
          disabled={busy !== null || p.available <= 0}
          aria-label={format(t.live.reviewChooseOption, { sku: p.sku, name: p.name, available: p.available, buyer: c.author_name || "—" })}
          onClick={() => void choose(p.sku)}
        >
          {busy === p.sku ? <Loader2 className="size-3 animate-spin" aria-hidden /> : null}
          <span className="font-mono">{p.sku}</span>
          <span className="text-muted-foreground">({p.available})</span>
        </Button>
      ))}
    </div>
  );
}

/**
 * The live's comments, newest first, virtualised: only the rows on screen exist in the DOM, so the
 * list stays smooth at 1,000 comments a minute. While the seller reads further down, new comments wait
 * behind a "N new" button instead of shifting what they are reading.
 */
export function CommentFeed({ liveId, onResolved, rows, order, held, onRelease, filter, onFilter, selectedId, onSelect, t, fmt, onScrolledAway }: {
  liveId: string;
  onResolved: (row: FeedComment) => void;
  rows: Map<string, FeedComment>;
  order: string[];
  held: string[];
  onRelease: () => void;
  filter: FeedFilter;
  onFilter: (f: FeedFilter) => void;
  selectedId: string | null;
  onSelect: (c: FeedComment) => void;
  t: LccText;
  fmt: LccFormat;
  onScrolledAway?: (away: boolean) => void;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const [away, setAway] = useState(false);
  const visible = order.map((id) => rows.get(id)!).filter((c) => c && matchesFilter(c, filter));
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 64,
    overscan: 10,
    getItemKey: (i) => visible[i]!.id,
  });

  useEffect(() => {
    const el = parent.current;
    if (!el) return;
    const onScroll = () => setAway(el.scrollTop > 48);
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => el.removeEventListener("scroll", onScroll);
  }, []);
  useEffect(() => {
    if (!away && held.length) onRelease();
  }, [away, held.length, onRelease]);
  useEffect(() => {
    onScrolledAway?.(away);
  }, [away, onScrolledAway]);

  const filters: FeedFilter[] = ["all", "buy", "questions", "review"];
  return (
    <section className="flex min-h-0 flex-col rounded-lg border border-border bg-card" aria-labelledby="feed-title">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-border p-3">
        <h2 id="feed-title" className="text-base font-semibold">{t.live.feed} <span className="text-sm font-normal text-muted-foreground">({fmt.num(order.length + held.length)})</span></h2>
        <div role="group" aria-label={t.live.feedFilter} className="flex flex-wrap gap-1">
          {filters.map((f) => (
            <Button key={f} type="button" size="sm" variant={filter === f ? "default" : "ghost"} aria-pressed={filter === f} onClick={() => onFilter(f)}>
              {t.live.filters[f]}
            </Button>
          ))}
        </div>
      </div>
      {held.length > 0 && (
        <Button
          type="button"
          size="sm"
          className="mx-auto mt-2"
          onClick={() => {
            onRelease();
            parent.current?.scrollTo({ top: 0 });
          }}
        >
          <ArrowUp aria-hidden /> +{fmt.num(held.length)}
        </Button>
      )}
      <div ref={parent} role={visible.length ? "feed" : undefined} aria-busy={visible.length ? false : undefined} aria-label={visible.length ? t.live.feed : undefined} className="h-[60vh] min-h-80 overflow-y-auto lg:h-[calc(100dvh-22rem)]" data-testid="comment-feed">
        {visible.length === 0 ? (
          <p className="p-6 text-center text-sm text-muted-foreground">{t.live.feedEmpty}</p>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
            {virtualizer.getVirtualItems().map((item) => {
              const c = visible[item.index]!;
              return (
                <article
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  aria-posinset={item.index + 1}
                  aria-setsize={visible.length}
                  style={{ position: "absolute", top: 0, insetInlineStart: 0, width: "100%", transform: `translateY(${item.start}px)` }}
                >
                  <Row c={c} selected={c.id === selectedId} onSelect={onSelect} t={t} fmt={fmt} />
                  {c.status === "NEEDS_REVIEW" && c.candidates.length > 0 && <ReviewChoices liveId={liveId} c={c} t={t} onResolved={onResolved} />}
                </article>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
