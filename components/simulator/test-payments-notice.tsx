"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { api } from "@/components/dashboard/api-client";
import type { AccountMessages } from "@/lib/i18n/account";

/** The simulator's buyers pay with test money: offer the owner to switch test payments on right here. */
export function TestPaymentsNotice({ storeId, enabled, isOwner, t }: { storeId: string; enabled: boolean; isOwner: boolean; t: AccountMessages["sandbox"] }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (enabled) return <Alert tone="info" data-testid="test-payments-on">{t.simulatorOn}</Alert>;
  async function enable() {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/v1/stores/${storeId}/payments/sandbox`, { method: "PUT", json: { enabled: true } });
      router.refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Alert tone="warning" data-testid="test-payments-off" className="flex flex-wrap items-center justify-between gap-3">
      <span>{t.simulatorOff} {t.note}</span>
      {isOwner && <Button size="sm" onClick={enable} disabled={busy}>{t.simulatorEnable}</Button>}
      {error && <span className="w-full text-rose-300">{error}</span>}
    </Alert>
  );
}
