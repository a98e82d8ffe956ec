"use client";
import { useEffect, useState } from "react";

function remaining(until: number) {
  return Math.max(0, Math.floor((until - Date.now()) / 1000));
}

function clock(seconds: number) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = String(m).padStart(h ? 2 : 1, "0");
  return `${h ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

/**
 * Live time left on the reservation. The only script on the checkout besides the copy buttons: when
 * time is up it reloads, and the server shows the expired (interest) view.
 */
export function Countdown({ expiresAt, timeUpLabel }: { expiresAt: string; timeUpLabel: string }) {
  const until = Date.parse(expiresAt);
  const [left, setLeft] = useState<number | null>(null);
  useEffect(() => {
    setLeft(remaining(until));
    const id = setInterval(() => {
      const next = remaining(until);
      setLeft(next);
      if (next === 0) {
        clearInterval(id);
        setTimeout(() => window.location.reload(), 1500);
      }
    }, 1000);
    return () => clearInterval(id);
  }, [until]);
  // The server's figure is a second or two old by hydration time, hence suppressHydrationWarning; screen
  // readers get the static "until HH:MM" line instead of a ticking value.
  const shown = left ?? Math.max(0, Math.floor((until - Date.now()) / 1000));
  return (
    <span role="timer" aria-live="off" data-testid="countdown" suppressHydrationWarning className="font-mono text-2xl font-semibold tabular-nums">
      {shown === 0 ? timeUpLabel : clock(shown)}
    </span>
  );
}
