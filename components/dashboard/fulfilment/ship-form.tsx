"use client";

import { useState } from "react";
import { Truck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { api, ApiError } from "@/components/dashboard/api-client";
import type { FulfilmentMessages } from "@/lib/i18n/fulfilment";

export type CarrierOption = { code: string; name: string };

/** Carrier + tracking number (+ link for "other"): marks the order and the orders shipped with it shipped. */
export function ShipForm({ orderId, carriers, t, initial, onDone }: { orderId: string; carriers: CarrierOption[]; t: FulfilmentMessages; initial?: { carrier: string; tracking: string | null } | null; onDone: () => void }) {
  const [carrier, setCarrier] = useState(initial?.carrier ?? carriers[0]?.code ?? "other");
  const [tracking, setTracking] = useState(initial?.tracking ?? "");
  const [url, setUrl] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const id = `ship-${orderId}`;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await api(`/api/v1/orders/${orderId}/ship`, { method: "POST", json: { carrier, tracking_number: tracking, ...(carrier === "other" && url ? { tracking_url: url } : {}) } });
      toast({ title: t.shippedToast, tone: "success" });
      onDone();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setErrors(error.fieldErrors());
      toast({ title: error.message, tone: "error" });
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" data-testid="ship-form">
      <label className="flex flex-col gap-1 text-xs" htmlFor={`${id}-carrier`}>
        {t.carrier}
        <Select id={`${id}-carrier`} name="carrier" value={carrier} onChange={(e) => setCarrier(e.target.value)} className="h-10 min-w-36">
          {carriers.map((c) => <option key={c.code} value={c.code}>{c.code === "other" ? t.other : c.name}</option>)}
        </Select>
      </label>
      <label className="flex flex-col gap-1 text-xs" htmlFor={`${id}-tracking`}>
        {t.trackingNumber}
        <Input id={`${id}-tracking`} name="tracking_number" value={tracking} onChange={(e) => setTracking(e.target.value)} required maxLength={100} className="h-10 w-44" aria-invalid={errors.tracking_number ? true : undefined} dir="ltr" />
      </label>
      {carrier === "other" && (
        <label className="flex flex-col gap-1 text-xs" htmlFor={`${id}-url`}>
          {t.trackingUrl}
          <Input id={`${id}-url`} name="tracking_url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} className="h-10 w-56" aria-invalid={errors.tracking_url ? true : undefined} dir="ltr" />
        </label>
      )}
      <Button type="submit" disabled={busy || !tracking.trim()} data-testid="ship-submit">
        <Truck aria-hidden /> {initial ? t.updateTracking : t.markShipped}
      </Button>
      {Object.values(errors)[0] && <p role="alert" className="w-full text-xs text-destructive">{Object.values(errors)[0]}</p>}
    </form>
  );
}
