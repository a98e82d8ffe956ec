"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { AlertTriangle, Gauge, Unplug } from "lucide-react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { toast, useToastPlacement } from "@/components/ui/toast";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import { useStoreEvents, type EventBatch } from "./use-store-events";
import { useFeed } from "./use-feed";
import { LiveHeader } from "./live-header";
import { Counters } from "./counters";
import { CommentFeed, type FeedFilter } from "./comment-feed";
import { CartsPanel } from "./carts-panel";
import { StockPanel } from "./stock-panel";
import { TakeoverPanel } from "./takeover-panel";
import { SimulatorPanel } from "./simulator-panel";
import { PausedBanner, ResumeBotDialog } from "./paused-comments";
import { makeFormat, type FeedComment, type LccText, type LiveCart, type LiveState } from "./types";
import type { TransferReviewText } from "@/components/dashboard/orders/transfer-review";

type BotToggleResult = LiveState["live"] & { queued: number; paused_comments: number };

type Props = {
  liveId: string;
  storeId: string;
  initial: { state: LiveState; feed: FeedComment[]; carts: LiveCart[] };
  format: { uiLocale: string; storeLocale: string; currency: string; timezone: string };
  simulator: boolean;
  t: LccText;
  /** Bank-transfer receipts are confirmed or rejected from the carts tab too (owners only). */
  transfers: { isOwner: boolean; t: TransferReviewText };
  /** The label of the link to the post-live report, shown once the live has ended. */
  reportLabel?: string;
};

/**
 * The Live Control Center: everything the seller watches on a second screen while streaming. Server
 * events arrive in half-second batches; each batch refetches only what it names (the comments by id,
 * the carts, the counters), so the page keeps up with 1,000 comments a minute.
 */
export function ControlCenter({ liveId, storeId, initial, format: f, simulator, t, transfers, reportLabel }: Props) {
  const qc = useQueryClient();
  const fmt = useMemo(() => makeFormat(f), [f]);
  // The bottom of this page is the takeover message box and the feed's rows: toasts go to the top.
  useToastPlacement("top");
  const feed = useFeed(initial.feed);
  const [filter, setFilter] = useState<FeedFilter>("all");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [buyerId, setBuyerId] = useState<string | null>(null);
  const [botOverride, setBotOverride] = useState<boolean | null>(null);
  const [tab, setTab] = useState("carts");
  const away = useRef(false);
  const rowsRef = useRef(feed.rows);
  rowsRef.current = feed.rows;

  const state = useQuery({ queryKey: ["lcc-state", liveId], queryFn: () => api<LiveState>(`/dashboard/live/${liveId}/data/state`), initialData: initial.state, refetchInterval: (q) => (q.state.data?.pacing ? 2_000 : 5_000), staleTime: 0 });
  const carts = useQuery({ queryKey: ["lcc-carts", liveId], queryFn: () => api<LiveCart[]>(`/dashboard/live/${liveId}/data/carts`), initialData: initial.carts, staleTime: 0 });

  const fetchComments = useCallback(
    async (ids: string[]) => {
      for (let i = 0; i < ids.length; i += 100) {
        const chunk = ids.slice(i, i + 100);
        const rows = await api<FeedComment[]>(`/dashboard/live/${liveId}/data/feed?ids=${chunk.map(encodeURIComponent).join(",")}`);
        feed.merge(rows, away.current);
      }
    },
    [feed, liveId],
  );

  const onBatch = useCallback(
    (batch: EventBatch) => {
      if (batch.resync) {
        void api<FeedComment[]>(`/dashboard/live/${liveId}/data/feed?limit=300`).then((rows) => feed.merge(rows, away.current));
        void qc.invalidateQueries({ queryKey: ["lcc-state", liveId] });
        void qc.invalidateQueries({ queryKey: ["lcc-carts", liveId] });
        void qc.invalidateQueries({ queryKey: ["products", storeId] });
        void qc.invalidateQueries({ queryKey: ["buyer"] });
      }
      const ids = new Set<string>();
      let stateChanged = false;
      let cartsChanged = false;
      const buyers = new Set<string>();
      for (const e of batch.events) {
        if ((e.type === "comment.received" || e.type === "comment.processed") && e.liveId === liveId && e.commentId) {
          ids.add(e.commentId);
          stateChanged = true;
        } else if (e.type === "message.sent") {
          if (e.commentId && rowsRef.current.has(e.commentId)) ids.add(e.commentId);
          cartsChanged ||= Boolean(e.orderId);
          stateChanged = true;
        } else if (e.type === "order.updated" && (e.liveId === liveId || e.liveId === undefined)) {
          cartsChanged = true;
          stateChanged = true;
        } else if (e.type === "live.updated" && e.liveId === liveId) {
          stateChanged = true;
        } else if (e.type === "buyer.updated" && e.buyerId) {
          buyers.add(e.buyerId);
        } else if (e.type === "store.alert") {
          stateChanged = true;
          toast({ title: e.message ?? e.code ?? "", tone: e.level === "error" ? "error" : "info" });
        } else if (e.type === "product.updated") {
          void qc.invalidateQueries({ queryKey: ["products", storeId] });
        }
      }
      if (buyers.size) {
        for (const [id, row] of rowsRef.current) if (row.buyer_id && buyers.has(row.buyer_id)) ids.add(id);
        for (const b of buyers) void qc.invalidateQueries({ queryKey: ["buyer", b] });
      }
      if (ids.size) void fetchComments([...ids]);
      if (stateChanged) void qc.invalidateQueries({ queryKey: ["lcc-state", liveId] });
      if (cartsChanged) void qc.invalidateQueries({ queryKey: ["lcc-carts", liveId] });
      if (buyerId && (ids.size || cartsChanged)) void qc.invalidateQueries({ queryKey: ["buyer", buyerId] });
    },
    [buyerId, feed, fetchComments, liveId, qc, storeId],
  );
  const connection = useStoreEvents(storeId, onBatch);

  const live = state.data.live;
  const botEnabled = botOverride ?? live.bot_enabled;
  const paused = state.data.stats.paused;
  const [resumeOpen, setResumeOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const errorText = (e: unknown) =>
    e instanceof ApiError && e.code === "bot_disabled" ? t.live.botDisabledError : e instanceof ApiError && e.code === "live_ended" ? t.live.liveEndedError : (e as Error).message;
  const applyToggle = (r: BotToggleResult) => {
    const { queued, paused_comments, ...updated } = r;
    qc.setQueryData<LiveState>(["lcc-state", liveId], (s) => (s ? { ...s, live: updated, stats: { ...s.stats, paused: paused_comments } } : s));
    if (queued > 0) toast({ title: format(t.live.processedPaused, { count: fmt.num(queued) }), tone: "success" });
  };
  const setBot = async (enabled: boolean, processPaused = false) => {
    setBotOverride(enabled);
    setBusy(true);
    try {
      applyToggle(await api<BotToggleResult>(`/api/v1/lives/${liveId}/bot`, { method: "POST", json: { enabled, ...(processPaused && { process_paused: true }) } }));
    } catch (e) {
      toast({ title: errorText(e), tone: "error" });
    } finally {
      setBotOverride(null);
      setBusy(false);
      setResumeOpen(false);
    }
  };
  // Turning the bot back on while comments wait from the pause asks what to do with them first.
  const toggleBot = (enabled: boolean) => (enabled && paused > 0 ? setResumeOpen(true) : void setBot(enabled));
  const processPaused = async () => {
    setBusy(true);
    try {
      const r = await api<{ queued: number; paused_comments: number }>(`/api/v1/lives/${liveId}/paused-comments/process`, { method: "POST" });
      qc.setQueryData<LiveState>(["lcc-state", liveId], (s) => (s ? { ...s, stats: { ...s.stats, paused: r.paused_comments } } : s));
      // A second click (or another seller) finds nothing left: only the call that took them says so.
      if (r.queued > 0) toast({ title: format(t.live.processedPaused, { count: fmt.num(r.queued) }), tone: "success" });
    } catch (e) {
      toast({ title: errorText(e), tone: "error" });
    } finally {
      setBusy(false);
    }
  };
  const endLive = async () => {
    try {
      const updated = await api<LiveState["live"]>(`/api/v1/lives/${liveId}/end`, { method: "POST" });
      qc.setQueryData<LiveState>(["lcc-state", liveId], (s) => (s ? { ...s, live: updated } : s));
    } catch (e) {
      toast({ title: (e as Error).message, tone: "error" });
    }
  };
  const select = useCallback((c: FeedComment) => {
    setSelectedId(c.id);
    if (c.buyer_id) {
      setBuyerId(c.buyer_id);
      setTab("takeover");
    }
  }, []);
  const release = feed.release;
  const onAway = useCallback((v: boolean) => (away.current = v), []);
  const messaging = state.data.messaging;
  const review = useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(f.uiLocale, { dateStyle: "short", timeStyle: "short", timeZone: f.timezone });
    return { ...transfers, when: (iso: string) => dateTime.format(new Date(iso)), onChanged: () => void qc.invalidateQueries({ queryKey: ["lcc-carts", liveId] }) };
  }, [f.uiLocale, f.timezone, transfers, qc, liveId]);
  const selected = selectedId ? (feed.rows.get(selectedId) ?? null) : null;

  // Phones: the header, then the feed (what the seller watches), then the counters (one summary line) and
  // the tools. From lg: a grid with the counters in one row above feed | tools. The counters come after the
  // feed in the DOM too, so reading and focus order match what phones show.
  return (
    <div className="flex flex-col gap-4 lg:grid lg:grid-cols-[minmax(0,1.6fr)_minmax(20rem,1fr)] lg:items-start">
      <LiveHeader state={state.data} botEnabled={botEnabled} onToggleBot={toggleBot} onEnd={endLive} connection={connection} t={t} fmt={fmt} reportLabel={reportLabel} className="lg:col-span-2" />
      <ResumeBotDialog count={paused} open={resumeOpen} busy={busy} onChoose={(process) => void setBot(true, process)} onCancel={() => setResumeOpen(false)} t={t} fmt={fmt} />
      {botEnabled && live.status !== "ended" && paused > 0 && (
        <div className="lg:col-span-2">
          <PausedBanner count={paused} busy={busy} onProcess={() => void processPaused()} t={t} fmt={fmt} />
        </div>
      )}
      {(messaging.mode === "public_only" || messaging.blocked_at) && (
        <div role="alert" className="flex items-start gap-3 rounded-lg border border-warning/50 bg-warning/10 p-3 text-sm text-amber-100 lg:col-span-2" data-testid="messaging-banner">
          <AlertTriangle className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden />
          <div>
            <p className="font-medium">{t.live.messagingBlocked}</p>
            {messaging.blocked_at && <p className="text-amber-200/90">{format(t.live.messagingBlockedSince, { time: fmt.time(messaging.blocked_at) })}{messaging.reason ? ` (${messaging.reason})` : ""}</p>}
          </div>
        </div>
      )}
      {state.data.meta.disconnected && (
        <div role="alert" className="flex flex-wrap items-start gap-3 rounded-lg border border-destructive/50 bg-destructive/10 p-3 text-sm text-red-100 lg:col-span-2" data-testid="disconnected-banner">
          <Unplug className="mt-0.5 size-5 shrink-0 text-red-300" aria-hidden />
          <div className="min-w-0 flex-1 basis-60">
            <p className="font-medium">{t.live.pageDisconnected}</p>
            <p className="text-red-200/90">{t.live.pageDisconnectedHint}</p>
          </div>
          <a href="/dashboard/onboarding?step=page" className="ms-8 rounded-md border border-red-300/50 px-3 py-1.5 font-medium text-red-50 hover:bg-red-400/10">{t.live.reconnectPage}</a>
        </div>
      )}
      {state.data.meta.webhook_silent && (
        <div role="status" className="flex items-start gap-3 rounded-lg border border-warning/50 bg-warning/10 p-3 text-sm text-amber-100 lg:col-span-2" data-testid="webhook-silent-banner">
          <AlertTriangle className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden />
          <p>{format(t.live.webhookSilent, { count: fmt.num(state.data.meta.recent_recovered) })}</p>
        </div>
      )}
      {state.data.meta.recovered > 0 && !state.data.meta.webhook_silent && (
        <p className="text-xs text-muted-foreground lg:col-span-2" data-testid="recovered-count">{format(t.live.commentsRecovered, { count: fmt.num(state.data.meta.recovered) })}</p>
      )}
      {state.data.pacing && live.status !== "ended" && (
        <div role="status" className="flex items-start gap-3 rounded-lg border border-sky-400/40 bg-sky-400/10 p-3 text-sm text-sky-100 lg:col-span-2" data-testid="pacing-banner">
          <Gauge className="mt-0.5 size-5 shrink-0 text-sky-300" aria-hidden />
          <div>
            <p className="font-medium">{format(t.live.repliesPaced, { count: fmt.num(state.data.pacing.waiting), seconds: fmt.num(state.data.pacing.seconds) })}</p>
            <p className="text-sky-200/90">{t.live.repliesPacedHint}</p>
          </div>
        </div>
      )}
      <div className="min-w-0 lg:order-2">
        <CommentFeed
          liveId={liveId}
          onResolved={(row) => {
            feed.merge([row]);
            void qc.invalidateQueries({ queryKey: ["lcc-carts", liveId] });
          }}
          rows={feed.rows}
          order={feed.order}
          held={feed.held}
          onRelease={release}
          filter={filter}
          onFilter={setFilter}
          selectedId={selectedId}
          onSelect={select}
          t={t}
          fmt={fmt}
          onScrolledAway={onAway}
        />
      </div>
      <Counters stats={state.data.stats} t={t} fmt={fmt} className="lg:order-1 lg:col-span-2" />
      <Tabs value={tab} onValueChange={setTab} className="flex min-h-0 min-w-0 flex-col rounded-lg border border-border bg-card p-2 lg:order-3">
        <TabsList className="w-full flex-wrap">
          <TabsTrigger value="carts">{t.live.carts} <span className="tabular-nums text-xs opacity-80">{fmt.num(carts.data.length)}</span></TabsTrigger>
          <TabsTrigger value="stock">{t.live.stock}</TabsTrigger>
          <TabsTrigger value="takeover">{t.live.takeover}</TabsTrigger>
          {simulator && <TabsTrigger value="simulator">{t.live.simulator}</TabsTrigger>}
        </TabsList>
        <TabsContent value="carts" className="mt-2 max-h-[70vh] overflow-y-auto">
          <CartsPanel carts={carts.data} t={t} fmt={fmt} review={review} onSelectBuyer={(id) => { setBuyerId(id); setSelectedId(null); setTab("takeover"); }} />
        </TabsContent>
        <TabsContent value="stock" className="mt-2 max-h-[70vh] overflow-y-auto">
          <StockPanel storeId={storeId} t={t} />
        </TabsContent>
        <TabsContent value="takeover" className="mt-2 max-h-[75vh] overflow-y-auto">
          <TakeoverPanel liveId={liveId} storeId={storeId} buyerId={buyerId} comment={selected} carts={carts.data} t={t} fmt={fmt} onCorrected={(row) => feed.merge([row])} />
        </TabsContent>
        {simulator && (
          <TabsContent value="simulator" className="mt-2">
            <SimulatorPanel liveId={liveId} t={t} />
          </TabsContent>
        )}
      </Tabs>
    </div>
  );
}
