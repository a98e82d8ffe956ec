"use client";
import { useState } from "react";
import { Laptop, Smartphone } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { api, ApiError } from "@/components/dashboard/api-client";
import { format } from "@/lib/i18n";
import type { AccountMessages } from "@/lib/i18n/account";

export type SessionRow = { id: string; browser: string; os: string; ip: string | null; created_at: string; last_seen_at: string; current: boolean };

/** Settings → Security: every signed-in browser; sign out one, or all the others (server-side, at once). */
export function SessionsList({ sessions: initial, locale, t }: { sessions: SessionRow[]; locale: string; t: AccountMessages["lifecycle"] }) {
  const [sessions, setSessions] = useState(initial);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
  const name = (v: string) => (v === "?" ? t.unknown : v);

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await fn();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="flex flex-col gap-3 rounded-lg border border-border p-4" aria-labelledby="sessions-title" data-testid="sessions">
      <h2 id="sessions-title" className="font-semibold">{t.sessionsTitle}</h2>
      <p className="text-sm text-muted-foreground">{t.sessionsBody}</p>
      {notice && <Alert tone="success">{notice}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <ul className="flex flex-col divide-y divide-border">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-3 py-3" data-testid="session-row" data-current={s.current ? "true" : "false"}>
            {s.os === "Android" || s.os === "iOS" ? <Smartphone className="size-5 shrink-0 text-muted-foreground" aria-hidden /> : <Laptop className="size-5 shrink-0 text-muted-foreground" aria-hidden />}
            <div className="min-w-0 flex-1 text-sm">
              <p className="font-medium">
                <bdi>{name(s.browser)} · {name(s.os)}</bdi>
                {s.current && <span className="ms-2 rounded bg-primary/20 px-1.5 py-0.5 text-xs">{t.thisDevice}</span>}
              </p>
              <p className="text-muted-foreground">{format(t.lastSeen, { when: when(s.last_seen_at) })} · {format(t.signedInAt, { when: when(s.created_at) })}</p>
              {s.ip && <p className="text-muted-foreground">{format(t.address, { ip: s.ip })}</p>}
            </div>
            {!s.current && (
              <Button size="sm" variant="outline" disabled={busy} data-testid="session-revoke" onClick={() => run(async () => {
                await api(`/api/v1/auth/sessions/${encodeURIComponent(s.id)}`, { method: "DELETE" });
                setSessions((all) => all.filter((x) => x.id !== s.id));
                setNotice(t.revoked);
              })}>{t.revoke}</Button>
            )}
          </li>
        ))}
      </ul>
      {sessions.every((s) => s.current) && <p className="text-sm text-muted-foreground">{t.noSessions}</p>}
      <Button type="button" variant="outline" className="self-start" disabled={busy} data-testid="revoke-other-sessions" onClick={() => run(async () => {
        await api("/api/v1/auth/sessions/revoke-others", { method: "POST" });
        setSessions((all) => all.filter((x) => x.current));
        setNotice(t.revokedOthers);
      })}>{t.revokeOthers}</Button>
    </section>
  );
}
