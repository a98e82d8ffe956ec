"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { Alert } from "@/components/ui/alert";
import type { Messages } from "@/lib/i18n/messages/en";

const COUNTRIES = [
  { code: "CL", name: "Chile", currency: "CLP", locale: "es-CL" },
  { code: "MX", name: "México", currency: "MXN", locale: "es-MX" },
  { code: "AR", name: "Argentina", currency: "ARS", locale: "es-AR" },
  { code: "PE", name: "Perú", currency: "PEN", locale: "es-PE" },
  { code: "CO", name: "Colombia", currency: "COP", locale: "es-CO" },
  { code: "ES", name: "España", currency: "EUR", locale: "es-ES" },
  { code: "BR", name: "Brasil", currency: "BRL", locale: "pt-BR" },
  { code: "US", name: "United States", currency: "USD", locale: "en" },
  { code: "AE", name: "الإمارات", currency: "AED", locale: "ar" },
];

export function CreateStoreForm({ t }: { t: Messages["store"] }) {
  const router = useRouter();
  const [country, setCountry] = useState(COUNTRIES[0]!);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const body = {
      name: String(form.get("name")),
      country: String(form.get("country")),
      currency: String(form.get("currency")),
      locale: String(form.get("locale")),
      fb_page_id: String(form.get("fb_page_id") || "") || null,
    };
    const res = await fetch("/api/v1/stores", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    setBusy(false);
    if (!res.ok) {
      const payload = await res.json().catch(() => null);
      setError(payload?.error?.message ?? "Error");
      setErrors(Object.fromEntries((payload?.error?.details ?? []).map((d: { field: string; message: string }) => [d.field, d.message])));
      return;
    }
    const store = await res.json();
    document.cookie = `lss_store=${store.id}; path=/; max-age=31536000; samesite=lax`;
    router.push("/dashboard/inventory");
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4 rounded-lg border border-border bg-card p-5">
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-col gap-2">
        <Label htmlFor="name">{t.name}</Label>
        <Input id="name" name="name" required maxLength={120} aria-invalid={!!errors.name} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="flex flex-col gap-2">
          <Label htmlFor="country">{t.country}</Label>
          <Select id="country" name="country" value={country.code} onChange={(e) => setCountry(COUNTRIES.find((c) => c.code === e.target.value)!)}>
            {COUNTRIES.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </Select>
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="currency">{t.currency}</Label>
          <Input id="currency" name="currency" key={`cur-${country.code}`} defaultValue={country.currency} maxLength={3} aria-invalid={!!errors.currency} />
        </div>
        <div className="flex flex-col gap-2">
          <Label htmlFor="locale">{t.locale}</Label>
          <Select id="locale" name="locale" key={`loc-${country.code}`} defaultValue={country.locale}>
            {["es-CL", "es-MX", "es-AR", "es-PE", "es-CO", "es-ES", "pt-BR", "en", "ar", "fr", "it"].map((l) => <option key={l} value={l}>{l}</option>)}
          </Select>
        </div>
      </div>
      <div className="flex flex-col gap-2">
        <Label htmlFor="fb_page_id">{t.pageId}</Label>
        <Input id="fb_page_id" name="fb_page_id" inputMode="numeric" pattern="[0-9]*" aria-invalid={!!errors.fb_page_id} />
        {errors.fb_page_id && <p className="text-xs text-rose-300">{errors.fb_page_id}</p>}
      </div>
      <Button type="submit" disabled={busy}>{t.create}</Button>
    </form>
  );
}
