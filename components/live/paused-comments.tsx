"use client";
import { PauseCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { format } from "@/lib/i18n";
import type { LccFormat, LccText } from "./types";

/**
 * Asked when the seller turns the bot back on while comments received during the pause wait: process
 * them now (each once, through the normal pipeline), or turn the bot on and leave them marked in the feed.
 */
export function ResumeBotDialog({ count, open, busy, onChoose, onCancel, t, fmt }: {
  count: number;
  open: boolean;
  busy: boolean;
  onChoose: (processPaused: boolean) => void;
  onCancel: () => void;
  t: LccText;
  fmt: LccFormat;
}) {
  return (
    <Dialog open={open} onOpenChange={(o) => !o && onCancel()}>
      <DialogContent closeLabel={t.common.close} data-testid="resume-bot-dialog">
        <DialogHeader>
          <DialogTitle>{t.live.resumeTitle}</DialogTitle>
          <DialogDescription>{format(t.live.resumeBody, { count: fmt.num(count) })}</DialogDescription>
        </DialogHeader>
        <p className="text-sm text-muted-foreground">{t.live.resumeHelp}</p>
        <DialogFooter className="sm:flex-wrap">
          <Button type="button" variant="ghost" onClick={onCancel} disabled={busy}>{t.common.cancel}</Button>
          <Button type="button" variant="outline" onClick={() => onChoose(false)} disabled={busy} data-testid="resume-only">{t.live.resumeOnly}</Button>
          <Button type="button" onClick={() => onChoose(true)} disabled={busy} data-testid="resume-process">{t.live.resumeProcess}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

/** While the bot is on, comments still marked "received while paused" can be processed from here. */
export function PausedBanner({ count, busy, onProcess, t, fmt }: { count: number; busy: boolean; onProcess: () => void; t: LccText; fmt: LccFormat }) {
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-lg border border-primary/40 bg-primary/10 p-3 text-sm" data-testid="paused-banner">
      <PauseCircle className="size-5 shrink-0 text-blue-300" aria-hidden />
      <p className="min-w-0 flex-1">{format(t.live.pausedBanner, { count: fmt.num(count) })}</p>
      <Button type="button" size="sm" onClick={onProcess} disabled={busy}>{t.live.processPaused}</Button>
    </div>
  );
}
