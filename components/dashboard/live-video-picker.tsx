"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ExternalLink, Radio, RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";

type PageLiveVideo = { fb_video_id: string; fb_post_id: string; title: string | null; status: "live" | "scheduled"; created_at: string | null; started_at: string | null; permalink_url: string | null; live_id: string | null; live_status: "scheduled" | "active" | "ended" | null };

/**
 * The Page's current and scheduled live videos (read from Meta), to pick the one the bot listens to:
 * picking starts a live for it and opens its Control Center. Videos already followed link to theirs.
 */
export function LiveVideoPicker({ storeId, t, locale, timezone, canReconnect, reconnectLabel }: { storeId: string; t: Messages["live"]; locale: string; timezone: string; canReconnect: boolean; reconnectLabel: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const videos = useQuery({ queryKey: ["page-live-videos", storeId], queryFn: () => api<PageLiveVideo[]>(`/api/v1/lives/facebook-videos?store_id=${encodeURIComponent(storeId)}`), retry: false, staleTime: 0 });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: timezone });

  async function listen(v: PageLiveVideo) {
    setBusy(v.fb_video_id);
    setError(null);
    try {
      const live = await api<{ id: string }>("/api/v1/lives", { method: "POST", json: { store_id: storeId, fb_video_id: v.fb_video_id, fb_post_id: v.fb_post_id, title: v.title ?? t.pickUntitled } });
      router.push(`/dashboard/live/${live.id}`);
    } catch (err) {
      setError((err as Error).message);
      setBusy(null);
      void videos.refetch();
    }
  }

  const loadError = videos.error instanceof ApiError ? videos.error : null;
  return (
    <div className="flex flex-col gap-3" data-testid="live-video-picker">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-semibold">{t.pickTitle}</h3>
        <Button type="button" variant="outline" size="sm" onClick={() => void videos.refetch()} disabled={videos.isFetching}>
          <RefreshCw aria-hidden className={videos.isFetching ? "animate-spin" : undefined} /> {t.pickRefresh}
        </Button>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {videos.isPending && <p className="text-sm text-muted-foreground" role="status">{t.pickLoading}</p>}
      {loadError && (
        <Alert tone={loadError.code === "graph_unavailable" ? "warning" : "error"}>
          <span>{loadError.message}</span>
          {canReconnect && (loadError.code === "meta_disconnected" || loadError.code === "page_missing") && (
            <> <a className="font-medium underline underline-offset-4" href="/dashboard/onboarding?step=page">{reconnectLabel}</a></>
          )}
        </Alert>
      )}
      {videos.data && videos.data.length === 0 && <p className="text-sm text-muted-foreground" data-testid="live-video-picker-empty">{t.pickEmpty}</p>}
      {videos.data && videos.data.length > 0 && (
        <ul className="flex flex-col divide-y divide-border rounded-lg border border-border">
          {videos.data.map((v) => {
            const title = v.title ?? t.pickUntitled;
            const following = v.live_id && v.live_status !== "ended";
            return (
              <li key={v.fb_video_id} className="flex flex-col gap-3 p-3 sm:flex-row sm:items-center" data-testid="live-video-option">
                <div className="flex min-w-0 flex-1 items-start gap-3">
                  <Badge className="mt-0.5 shrink-0" variant={v.status === "live" ? "destructive" : "outline"}>{v.status === "live" ? t.pickOnAir : t.pickScheduled}</Badge>
                  <div className="min-w-0 flex-1">
                    <p className="break-words font-medium"><bdi>{title}</bdi></p>
                    <p className="text-xs text-muted-foreground">
                      {v.started_at ? format(t.pickStarted, { time: time.format(new Date(v.started_at)) }) : v.created_at ? format(t.pickCreated, { time: time.format(new Date(v.created_at)) }) : null}
                      {v.permalink_url && (
                        <> · <a href={v.permalink_url} target="_blank" rel="noreferrer" className="inline-flex items-center gap-1 underline underline-offset-4">{t.pickOnFacebook}<ExternalLink aria-hidden className="size-3" /></a></>
                      )}
                    </p>
                  </div>
                </div>
                {following ? (
                  <a href={`/dashboard/live/${v.live_id}`} className="self-start rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-muted sm:self-auto">{t.pickFollowing} · {t.open}</a>
                ) : (
                  <Button type="button" size="sm" className="self-start sm:self-auto" onClick={() => void listen(v)} disabled={busy !== null}>
                    <Radio aria-hidden /> {t.pickListen}<span className="sr-only"> — {title}</span>
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
