"use client";
import Link from "next/link";
import { useState } from "react";
import { ArrowLeft, BarChart3, Square } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import { Label } from "@/components/ui/input";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle, DialogDescription } from "@/components/ui/dialog";
import { cn } from "@/lib/utils";
import type { ConnectionState } from "./use-store-events";
import { format } from "@/lib/i18n";
import type { LccFormat, LccText, LiveState } from "./types";

/**
 * Title, connection state, the kill switch and "end live". The switch flips on screen at once
 * (optimistic) and the server's answer confirms it; a failure flips it back and says why.
 */
export function LiveHeader({ state, botEnabled, onToggleBot, onEnd, connection, t, fmt, reportLabel, className }: {
  state: LiveState;
  botEnabled: boolean;
  onToggleBot: (enabled: boolean) => void;
  onEnd: () => Promise<void>;
  connection: ConnectionState;
  t: LccText;
  fmt: LccFormat;
  reportLabel?: string;
  className?: string;
}) {
  const [confirmEnd, setConfirmEnd] = useState(false);
  const live = state.live;
  const ended = live.status === "ended";
  // An ended live sells nothing, whatever its switch was left at: the header says so.
  const on = botEnabled && !ended;
  const paused = state.stats.paused;
  return (
    <header className={cn("flex flex-col gap-3", className)}>
      <Link href="/dashboard/live" className="inline-flex items-center gap-1 self-start text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4 rtl:rotate-180" aria-hidden /> {t.live.allLives}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{live.title}</h1>
        <Badge variant={ended ? "outline" : "success"} data-testid="live-status">{t.live.statuses[live.status.toUpperCase() as "ACTIVE"]}</Badge>
        <span className="flex items-center gap-1.5 text-xs text-muted-foreground" data-testid="connection" data-state={connection}>
          <span className={cn("size-2 rounded-full", connection === "open" ? "bg-success" : connection === "lost" ? "bg-warning" : "bg-muted-foreground")} aria-hidden />
          {t.live.connection[connection]}
        </span>
      </div>
      <div className="flex flex-wrap items-stretch gap-3">
        <div
          className={cn("flex min-w-0 flex-1 items-center gap-3 rounded-lg border p-3", on ? "border-success/40 bg-success/5" : ended ? "border-border bg-muted/40" : "border-destructive/60 bg-destructive/10")}
          data-testid="kill-switch"
          data-bot={on ? "on" : "off"}
          data-ended={ended || undefined}
        >
          <Switch id="bot-switch" checked={on} onCheckedChange={onToggleBot} disabled={ended} aria-describedby="bot-state" className="scale-125" />
          <div className="min-w-0">
            <Label htmlFor="bot-switch" className="text-base">{t.live.bot}</Label>
            <p id="bot-state" role="status" className={cn("text-sm", on ? "text-success" : ended ? "text-muted-foreground" : "font-medium text-rose-300")}>
              {ended ? t.live.botEnded : on ? t.live.botOn : t.live.botOff}
            </p>
            {!on && !ended && paused > 0 && (
              <p className="text-sm text-rose-200" data-testid="paused-waiting">{format(t.live.pausedWaiting, { count: fmt.num(paused) })}</p>
            )}
          </div>
        </div>
        {ended && reportLabel && (
          <Button asChild variant="default" className="h-auto">
            <Link href={`/dashboard/live/${live.id}/report`} data-testid="open-live-report"><BarChart3 aria-hidden /> {reportLabel}</Link>
          </Button>
        )}
        {!ended && (
          <Button type="button" variant="outline" className="h-auto" onClick={() => setConfirmEnd(true)}>
            <Square aria-hidden /> {t.live.endLive}
          </Button>
        )}
      </div>
      <Dialog open={confirmEnd} onOpenChange={setConfirmEnd}>
        <DialogContent closeLabel={t.common.close}>
          <DialogHeader>
            <DialogTitle>{t.live.endLive}</DialogTitle>
            <DialogDescription>{t.live.endConfirm}</DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button type="button" variant="ghost" onClick={() => setConfirmEnd(false)}>{t.common.cancel}</Button>
            <Button type="button" variant="destructive" onClick={async () => { await onEnd(); setConfirmEnd(false); }}>{t.live.endLive}</Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </header>
  );
}
