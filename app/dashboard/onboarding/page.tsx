import Link from "next/link";
import { redirect } from "next/navigation";
import { PartyPopper } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Alert } from "@/components/ui/alert";
import { Stepper } from "@/components/dashboard/onboarding/stepper";
import { OnboardingWizard } from "@/components/dashboard/onboarding/wizard";
import { getSessionUser } from "@/lib/auth/current-user";
import { getCurrentStore } from "@/lib/stores/current-store";
import { getMessages } from "@/lib/i18n/server";
import { env } from "@/lib/env";
import { metaConnectionSummary } from "@/lib/onboarding/meta-connection-summary";
import { simulatorEnabled } from "@/lib/simulator/simulator";
import { onboardingState, stepToShow } from "@/lib/onboarding/steps";
import { rememberedPages } from "@/lib/onboarding/meta-connect";

export const metadata = { title: "Set up your store" };

export default async function OnboardingPage({ searchParams }: { searchParams: Promise<{ step?: string; error?: string; choose?: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/login?callbackUrl=/dashboard/onboarding");
  const [{ current }, { t }, sp] = await Promise.all([getCurrentStore(user.id), getMessages(), searchParams]);
  const catalog = { onboarding: t.onboarding, store: t.store, inventory: t.inventory, common: t.common };

  if (current && current.role !== "OWNER") {
    return (
      <div className="mx-auto flex max-w-2xl flex-col gap-4">
        <h1 className="text-2xl font-bold">{t.onboarding.title}</h1>
        <Alert tone="info">{t.settings.ownerOnly}</Alert>
      </div>
    );
  }
  const completed = current?.store.onboardingStep ?? 0;
  const state = onboardingState(completed);
  const showFinished = current && state.finished && !sp.step;
  const step = stepToShow({ completed, requested: current ? sp.step : "profile" });
  const meta = current ? await metaConnectionSummary(current.store.id) : null;
  const pages = current && sp.choose ? await rememberedPages({ storeId: current.store.id, userId: user.id }) : [];

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <h1 className="text-2xl font-bold">{t.onboarding.title}</h1>
      <Stepper current={showFinished ? "finished" : step} completed={state.done} t={t.onboarding} />
      {showFinished ? (
        <Card data-testid="onboarding-done">
          <CardHeader>
            <CardTitle className="flex items-center gap-2"><PartyPopper className="size-5 text-success" aria-hidden /> {t.onboarding.allSet}</CardTitle>
            <CardDescription>{t.onboarding.allSetHelp}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-2">
            <Button asChild><Link href="/dashboard/live">{t.onboarding.goLive}</Link></Button>
            <Button asChild variant="outline"><Link href="/dashboard">{t.nav.overview}</Link></Button>
          </CardContent>
        </Card>
      ) : (
        <OnboardingWizard
          step={step}
          store={
            current
              ? {
                  id: current.store.id, name: current.store.name, country: current.store.country, currency: current.store.currency, locale: current.store.locale,
                  timezone: current.store.timezone, onboarding_step: current.store.onboardingStep, fb_page_id: current.store.fbPageId,
                  meta_connected: Boolean(meta), page_name: meta?.pageName ?? null,
                }
              : null
          }
          t={catalog}
          metaAppConfigured={Boolean(env().META_APP_ID)}
          simulator={simulatorEnabled()}
          pages={pages.map((p) => ({ id: p.id, name: p.name }))}
          error={sp.error ?? null}
        />
      )}
    </div>
  );
}
