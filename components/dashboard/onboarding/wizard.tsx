"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { CreditCard, FlaskConical, Link2, Package } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/field";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { api, ApiError } from "@/components/dashboard/api-client";
import { useUiLocale } from "@/components/dashboard/dashboard-providers";
import { CsvImport } from "@/components/dashboard/inventory/csv-import";
import type { Product } from "@/components/dashboard/inventory/types";
import { format } from "@/lib/i18n";
import { splitKeywords } from "@/lib/inventory/keywords";
import type { OnboardingStep } from "@/lib/onboarding/steps";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";
import { ProfileForm, type StoreProfile } from "./profile-form";

export type WizardStore = StoreProfile & { meta_connected: boolean; page_name: string | null; fb_page_id: string | null };
type T = Pick<Messages, "onboarding" | "store" | "inventory" | "common">;

const NEXT: Record<OnboardingStep, OnboardingStep | null> = { profile: "page", page: "payments", payments: "catalog", catalog: null };
const INDEX: Record<OnboardingStep, number> = { profile: 1, page: 2, payments: 3, catalog: 4 };

function useAdvance(store: WizardStore | null) {
  const router = useRouter();
  /** Marks `step` completed (never going backwards) and moves to the next one. */
  return async (step: OnboardingStep) => {
    if (store) await api(`/api/v1/stores/${store.id}`, { method: "PATCH", json: { onboarding_step: Math.max(store.onboarding_step, INDEX[step]) } });
    const next = NEXT[step];
    router.push(next ? `/dashboard/onboarding?step=${next}` : "/dashboard/onboarding");
    router.refresh();
  };
}

export function OnboardingWizard({ step, store, t, metaAppConfigured, simulator, pages, error }: {
  step: OnboardingStep;
  store: WizardStore | null;
  t: T;
  metaAppConfigured: boolean;
  simulator: boolean;
  pages: { id: string; name: string }[];
  error: string | null;
}) {
  const router = useRouter();
  const advance = useAdvance(store);
  const heading = (title: string, help: string) => (
    <CardHeader>
      <CardTitle>{title}</CardTitle>
      <CardDescription>{help}</CardDescription>
    </CardHeader>
  );
  if (step === "profile") {
    return (
      <Card>
        {heading(t.onboarding.steps.profile, t.onboarding.profileHelp)}
        <CardContent>
          <ProfileForm
            store={store}
            t={t.store}
            ts={t.common}
            submitLabel={store ? t.onboarding.saveContinue : t.store.create}
            onSaved={() => {
              router.push("/dashboard/onboarding?step=page");
            }}
          />
        </CardContent>
      </Card>
    );
  }
  if (!store) return null;
  if (step === "page") return <PageStep store={store} t={t} metaAppConfigured={metaAppConfigured} simulator={simulator} pages={pages} error={error} advance={advance} heading={heading} />;
  if (step === "payments") {
    return (
      <Card>
        {heading(t.onboarding.steps.payments, t.onboarding.paymentsHelp)}
        <CardContent className="flex flex-col gap-4">
          <p className="text-sm text-muted-foreground">{t.onboarding.paymentsSandbox}</p>
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="outline">
              <Link href="/dashboard/settings/payments"><CreditCard aria-hidden /> {t.onboarding.openPayments}</Link>
            </Button>
            <Button type="button" onClick={() => advance("payments")}>{t.onboarding.continue}</Button>
          </div>
        </CardContent>
      </Card>
    );
  }
  return <CatalogStep store={store} t={t} advance={advance} heading={heading} />;
}

function PageStep({ store, t, metaAppConfigured, simulator, pages, error, advance, heading }: {
  store: WizardStore; t: T; metaAppConfigured: boolean; simulator: boolean; pages: { id: string; name: string }[]; error: string | null;
  advance: (s: OnboardingStep) => Promise<void>; heading: (title: string, help: string) => React.ReactNode;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(error ? format(t.onboarding.oauthFailed, { reason: error }) : null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function run(fn: () => Promise<unknown>) {
    setBusy(true);
    setFailure(null);
    setFieldErrors({});
    try {
      await fn();
      await advance("page");
    } catch (e) {
      setFailure((e as Error).message);
      if (e instanceof ApiError) setFieldErrors(e.fieldErrors());
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      {heading(t.onboarding.steps.page, t.onboarding.pageHelp)}
      <CardContent className="flex flex-col gap-5">
        {failure && <Alert tone="error">{failure}</Alert>}
        {store.meta_connected && (
          <Alert tone="success" data-testid="page-connected">{format(t.onboarding.connected, { page: store.page_name ?? store.fb_page_id ?? "" })}</Alert>
        )}
        {pages.length > 0 && (
          <form method="post" action="/dashboard/onboarding/meta/select" className="flex flex-col gap-3">
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 text-sm font-medium">{t.onboarding.choosePage}</legend>
              {pages.map((p, i) => (
                <label key={p.id} className="flex items-center gap-2 rounded-md border border-border p-2">
                  <input type="radio" name="page_id" value={p.id} defaultChecked={i === 0} /> {p.name} <span className="text-xs text-muted-foreground">{p.id}</span>
                </label>
              ))}
            </fieldset>
            <Button type="submit" className="self-start">{t.onboarding.connect}</Button>
          </form>
        )}
        <div className="flex flex-col gap-2">
          {metaAppConfigured ? (
            <>
              <Button asChild className="self-start">
                <a href="/dashboard/onboarding/meta/start"><Link2 aria-hidden /> {t.onboarding.connectFacebook}</a>
              </Button>
              <p className="text-sm text-muted-foreground">{t.onboarding.oauthHelp}</p>
            </>
          ) : (
            <p className="text-sm text-muted-foreground">{t.onboarding.noMetaApp}</p>
          )}
        </div>
        {simulator && (
          <div className="flex flex-col gap-2 rounded-lg border border-dashed border-border p-4">
            <Button type="button" variant="outline" className="self-start" disabled={busy} onClick={() => run(() => api("/api/dev/simulator/setup", { method: "POST", json: { store_id: store.id } }))}>
              <FlaskConical aria-hidden /> {t.onboarding.useSimulator}
            </Button>
            <p className="text-sm text-muted-foreground">{t.onboarding.simulatorHelp}</p>
          </div>
        )}
        <form
          className="flex flex-col gap-3 rounded-lg border border-border p-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const pageId = String(form.get("page_id") ?? "").trim();
            void run(() => api(`/api/v1/stores/${store.id}/meta`, { method: "PUT", json: { page_access_token: String(form.get("token") ?? ""), ...(pageId && { page_id: pageId }) } }));
          }}
        >
          <h3 className="text-sm font-medium">{t.onboarding.manualTitle}</h3>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field id="page_id" label={t.onboarding.pageIdLabel} hint={t.onboarding.pageIdHelp} error={fieldErrors.page_id}>
              <Input name="page_id" inputMode="numeric" defaultValue={store.fb_page_id ?? ""} />
            </Field>
            <Field id="token" label={t.onboarding.tokenLabel} hint={t.onboarding.tokenHelp} error={fieldErrors.page_access_token}>
              <Input name="token" type="password" autoComplete="off" />
            </Field>
          </div>
          <Button type="submit" variant="outline" className="self-start" disabled={busy}>{t.onboarding.connect}</Button>
        </form>
        <div className="flex flex-wrap gap-2">
          {store.meta_connected && <Button type="button" onClick={() => advance("page")}>{t.onboarding.continue}</Button>}
          {!store.meta_connected && <Button type="button" variant="ghost" onClick={() => advance("page")}>{t.onboarding.skipStep}</Button>}
        </div>
      </CardContent>
    </Card>
  );
}

function CatalogStep({ store, t, advance, heading }: { store: WizardStore; t: T; advance: (s: OnboardingStep) => Promise<void>; heading: (title: string, help: string) => React.ReactNode }) {
  const qc = useQueryClient();
  const products = useQuery({ queryKey: ["products", store.id, ""], queryFn: () => api<Product[]>(`/api/v1/inventory/products?store_id=${store.id}&limit=500`) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function add(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    setBusy(true);
    setErrors({});
    setMessage(null);
    try {
      const p = await api<Product>("/api/v1/inventory/products", {
        method: "POST",
        json: {
          store_id: store.id,
          sku: String(form.get("sku") ?? ""),
          name: String(form.get("pname") ?? ""),
          price: String(form.get("price") ?? ""),
          stock: Number(form.get("stock") || 0),
          keywords: splitKeywords(String(form.get("keywords") ?? "")),
        },
      });
      formEl.reset();
      setMessage({ tone: "success", text: format(t.onboarding.added, { name: p.name }) });
      await qc.invalidateQueries({ queryKey: ["products", store.id] });
    } catch (err) {
      setMessage({ tone: "error", text: (err as Error).message });
      if (err instanceof ApiError) setErrors(err.fieldErrors());
    } finally {
      setBusy(false);
    }
  }

  const count = products.data?.length ?? 0;
  const locale = useUiLocale();
  return (
    <Card>
      {heading(t.onboarding.steps.catalog, t.onboarding.catalogHelp)}
      <CardContent className="flex flex-col gap-4">
        <Tabs defaultValue="csv">
          <TabsList>
            <TabsTrigger value="csv">{t.onboarding.csvTab}</TabsTrigger>
            <TabsTrigger value="manual">{t.onboarding.manualTab}</TabsTrigger>
          </TabsList>
          <TabsContent value="csv">
            <CsvImport storeId={store.id} currency={store.currency} locale={store.locale} t={t.inventory} />
          </TabsContent>
          <TabsContent value="manual">
            <form onSubmit={add} className="flex flex-col gap-3" noValidate>
              {message && <Alert tone={message.tone}>{message.text}</Alert>}
              <div className="grid gap-3 sm:grid-cols-2">
                <Field id="sku" label={t.inventory.sku} error={errors.sku}><Input name="sku" className="font-mono" /></Field>
                <Field id="pname" label={t.inventory.name} error={errors.name}><Input name="pname" /></Field>
                <Field id="price" label={t.inventory.price} error={errors.price}><Input name="price" inputMode="decimal" /></Field>
                <Field id="stock" label={t.inventory.stock} error={errors.stock}><Input name="stock" type="number" min={0} defaultValue={1} /></Field>
              </div>
              <Field id="keywords" label={t.inventory.keywords} hint={t.inventory.keywordsHelp}><Input name="keywords" /></Field>
              <Button type="submit" variant="outline" className="self-start" disabled={busy}>{t.common.add}</Button>
            </form>
          </TabsContent>
        </Tabs>
        <p className="flex items-center gap-2 text-sm text-muted-foreground" data-testid="catalog-count" aria-live="polite">
          <Package className="size-4" aria-hidden /> {format(t.onboarding.productsSoFar, { count }, locale)}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={() => advance("catalog")}>{t.onboarding.finish}</Button>
        </div>
      </CardContent>
    </Card>
  );
}
