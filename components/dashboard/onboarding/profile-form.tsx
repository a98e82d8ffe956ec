"use client";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { api, ApiError } from "@/components/dashboard/api-client";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import { useUiLocale } from "@/components/dashboard/dashboard-providers";
import { countryName, languageName, timeZoneOptions } from "@/lib/i18n/display-names";
import { COUNTRIES, STORE_LOCALES, localeLabel } from "./countries";

export type StoreProfile = { id: string; name: string; country: string; currency: string; locale: string; timezone: string; onboarding_step: number };

/**
 * The business profile: creates the store (first visit) or updates it. Used by the onboarding wizard
 * and by Settings → Store; `onSaved` decides where to go next.
 */
export function ProfileForm({ store, t, ts, submitLabel, onSaved, disabled = false }: {
  store: StoreProfile | null;
  t: Messages["store"];
  ts: Messages["common"];
  submitLabel: string;
  onSaved: (store: StoreProfile, created: boolean) => void | Promise<void>;
  disabled?: boolean;
}) {
  const router = useRouter();
  const initial = COUNTRIES.find((c) => c.code === store?.country) ?? COUNTRIES[0];
  const [country, setCountry] = useState<string>(store?.country ?? initial.code);
  const preset = COUNTRIES.find((c) => c.code === country);
  const [currency, setCurrency] = useState<string>(store?.currency ?? initial.currency);
  const [locale, setLocale] = useState<string>(store?.locale ?? initial.locale);
  const [timezone, setTimezone] = useState<string>(store?.timezone ?? initial.timezone);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Zone list and country/zone names come from the browser's ICU after mount, in the dashboard's
  // language: the server's ICU may word them differently and break hydration.
  const uiLocale = useUiLocale();
  const [allZones, setAllZones] = useState<string[]>([]);
  const [mounted, setMounted] = useState(false);
  useEffect(() => {
    setAllZones(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
    setMounted(true);
  }, []);
  const zones = useMemo(() => {
    const list = allZones.includes(timezone) ? allZones : [timezone, ...allZones];
    return mounted ? timeZoneOptions(list, uiLocale) : list.map((z) => ({ value: z, label: z.replaceAll("_", " ") }));
  }, [allZones, timezone, mounted, uiLocale]);
  const countries = useMemo(() => {
    if (!mounted) return COUNTRIES.map((c) => ({ code: c.code, label: c.name }));
    const collator = new Intl.Collator(uiLocale);
    return COUNTRIES.map((c) => ({ code: c.code, label: countryName(c.code, uiLocale) })).sort((a, b) => collator.compare(a.label, b.label));
  }, [mounted, uiLocale]);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    const form = new FormData(e.currentTarget);
    const body = { name: String(form.get("name") ?? ""), country, currency: currency.trim().toUpperCase(), locale, timezone };
    try {
      const saved = store
        ? await api<StoreProfile>(`/api/v1/stores/${store.id}`, { method: "PATCH", json: { ...body, onboarding_step: Math.max(store.onboarding_step, 1) } })
        : await api<StoreProfile>("/api/v1/stores", { method: "POST", json: body });
      if (!store) document.cookie = `lss_store=${saved.id}; path=/; max-age=31536000; samesite=lax`;
      await onSaved(saved, !store);
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
      if (err instanceof ApiError) setErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {error && <Alert tone="error">{error}</Alert>}
      <Field id="name" label={t.name} error={errors.name}>
        <Input name="name" defaultValue={store?.name ?? ""} required maxLength={120} disabled={disabled} autoComplete="organization" />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="country" label={t.country} error={errors.country}>
          <Select
            value={country}
            disabled={disabled}
            onChange={(e) => {
              setCountry(e.target.value);
              const c = COUNTRIES.find((x) => x.code === e.target.value);
              if (c) {
                setCurrency(c.currency);
                setLocale(c.locale);
                setTimezone(c.timezone);
              }
            }}
          >
            {!preset && <option value={country}>{mounted ? countryName(country, uiLocale) : country}</option>}
            {countries.map((c) => <option key={c.code} value={c.code}>{c.label}</option>)}
          </Select>
        </Field>
        <Field id="currency" label={t.currency} error={errors.currency}>
          <Input value={currency} onChange={(e) => setCurrency(e.target.value)} maxLength={3} disabled={disabled} className="uppercase" />
        </Field>
        <Field id="locale" label={t.locale} error={errors.locale}>
          <Select value={locale} onChange={(e) => setLocale(e.target.value)} disabled={disabled}>
            {!(STORE_LOCALES as readonly string[]).includes(locale) && <option value={locale}>{locale}</option>}
            {STORE_LOCALES.map((l) => <option key={l} value={l}>{mounted ? languageName(l, uiLocale) : localeLabel(l)}</option>)}
          </Select>
        </Field>
        <Field id="timezone" label={t.timezone} error={errors.timezone}>
          <Select value={timezone} onChange={(e) => setTimezone(e.target.value)} disabled={disabled}>
            {zones.map((z) => <option key={z.value} value={z.value}>{z.label}</option>)}
          </Select>
        </Field>
      </div>
      {!disabled && <Button type="submit" disabled={busy} className="self-start">{busy ? ts.saving : submitLabel}</Button>}
    </form>
  );
}
