"use client";
import Link from "next/link";
import { useState } from "react";
import { ArrowLeft, Square } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import { Label } from "@/components/ui/input";
import { Dialog, DialogContent, DialogFooter, DialogHeader, DialogTitle, DialogDescription } from "@/components/ui/dialog";
import { cn } from "@/lib/utils";
import type { ConnectionState } from "./use-store-events";
import type { LccText, LiveState } from "./types";

/**
 * Title, connection state, the kill switch and "end live". The switch flips on screen at once
 * (optimistic) and the server's answer confirms it; a failure flips it back and says why.
 */
export function LiveHeader({ state, botEnabled, onToggleBot, onEnd, connection, t }: {
  state: LiveState;
  botEnabled: boolean;
  onToggleBot: (enabled: boolean) => void;
  onEnd: () => Promise<void>;
  connection: ConnectionState;
  t: LccText;
}) {
  const [confirmEnd, setConfirmEnd] = useState(false);
  const live = state.live;
  const ended = live.status === "ended";
  return (
    <header className="flex flex-col gap-3">
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
          className={cn("flex min-w-0 flex-1 items-center gap-3 rounded-lg border p-3", botEnabled ? "border-success/40 bg-success/5" : "border-destructive/60 bg-destructive/10")}
          data-testid="kill-switch"
          data-bot={botEnabled ? "on" : "off"}
        >
          <Switch id="bot-switch" checked={botEnabled} onCheckedChange={onToggleBot} disabled={ended} aria-describedby="bot-state" className="scale-125" />
          <div className="min-w-0">
            <Label htmlFor="bot-switch" className="text-base">{t.live.bot}</Label>
            <p id="bot-state" role="status" className={cn("text-sm", botEnabled ? "text-success" : "font-medium text-rose-300")}>
              {botEnabled ? t.live.botOn : t.live.botOff}
            </p>
          </div>
        </div>
        {!ended && (
          <Button type="button" variant="outline" className="h-auto" onClick={() => setConfirmEnd(true)}>
            <Square aria-hidden /> {t.live.endLive}
          </Button>
        )}
      </div>
      {ended && <p className="text-sm text-muted-foreground">{t.live.ended}</p>}
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
