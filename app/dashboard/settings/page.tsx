import Link from "next/link";
import { CreditCard, History, Link2, ShieldCheck, Truck } from "lucide-react";
import { accountMessages } from "@/lib/i18n/account";
import { fulfilmentMessages } from "@/lib/i18n/fulfilment";
import { buyersMessages } from "@/lib/i18n/buyers";
import { BuyerRulesForm } from "@/components/dashboard/settings/buyer-rules-form";
import { RetentionForm } from "@/components/dashboard/settings/retention-form";
import { CloseStoreForm } from "@/components/dashboard/settings/close-store-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { TeamPanel } from "@/components/dashboard/settings/team-panel";
import { MessagesForm } from "@/components/dashboard/settings/messages-form";
import { QuestionAnswersForm, ReservationForm, StoreProfileSection } from "@/components/dashboard/settings/small-forms";
import { getMessages } from "@/lib/i18n/server";
import { consoleMessages } from "@/lib/i18n/console";
import { format } from "@/lib/i18n";
import { requireDashboardStore } from "@/lib/stores/require-dashboard-store";
import { metaConnectionSummary } from "@/lib/onboarding/meta-connection-summary";
import { env } from "@/lib/env";
import { messageTextDefaults } from "@/lib/settings/message-texts";

export const metadata = { title: "Settings" };

export default async function SettingsPage() {
  const { store, role } = await requireDashboardStore();
  const { t, locale } = await getMessages();
  const isOwner = role === "OWNER";
  const ta = accountMessages(locale).settingsCards;
  const td = fulfilmentMessages(locale);
  const tb = buyersMessages(locale).settings;
  const tl = accountMessages(locale).storeLifecycle;
  const meta = await metaConnectionSummary(store.id);
  const dateFmt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: store.timezone });
  const sections = [
    { id: "profile", label: t.settings.sections.profile },
    { id: "meta", label: t.settings.sections.meta },
    { id: "payments", label: t.settings.sections.payments },
    { id: "delivery", label: td.settingsTitle },
    { id: "team", label: t.settings.sections.team },
    { id: "messages", label: t.settings.sections.messages },
    { id: "reservation", label: t.settings.sections.reservation },
    { id: "buyers", label: tb.title },
    { id: "privacy", label: tl.privacy },
    { id: "security", label: ta.security },
    ...(isOwner ? [{ id: "audit", label: ta.audit }, { id: "close-store", label: tl.close }] : []),
  ];
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t.settings.title}</h1>
      {!isOwner && <Alert tone="info" data-testid="owner-only">{t.settings.ownerOnly}</Alert>}
      <nav aria-label={t.settings.title} className="flex flex-wrap gap-2">
        {sections.map((s) => <a key={s.id} href={`#${s.id}`} className="rounded-md border border-border px-3 py-1.5 text-sm text-muted-foreground hover:bg-muted hover:text-foreground">{s.label}</a>)}
        <Link href="/dashboard/billing" className="rounded-md border border-border px-3 py-1.5 text-sm text-muted-foreground hover:bg-muted hover:text-foreground">{consoleMessages(locale).nav.billing} →</Link>
      </nav>

      <Card id="profile">
        <CardHeader><CardTitle>{t.settings.sections.profile}</CardTitle></CardHeader>
        <CardContent>
          <StoreProfileSection
            store={{ id: store.id, name: store.name, country: store.country, currency: store.currency, locale: store.locale, timezone: store.timezone, onboarding_step: store.onboardingStep }}
            disabled={!isOwner}
            t={t.settings}
            ts={t.store}
            tc={t.common}
          />
        </CardContent>
      </Card>

      <Card id="meta">
        <CardHeader><CardTitle>{t.settings.sections.meta}</CardTitle></CardHeader>
        <CardContent className="flex flex-col gap-3">
          <p data-testid="meta-status">{meta ? format(t.settings.metaConnected, { page: meta.pageName ?? meta.pageId, last4: meta.tokenLast4 }) : t.settings.metaNotConnected}</p>
          {store.messagingBlockedAt && <Alert tone="warning">{format(t.settings.metaBlocked, { time: dateFmt.format(store.messagingBlockedAt) })}</Alert>}
          {isOwner && (
            <Button asChild variant="outline" className="self-start">
              <Link href="/dashboard/onboarding?step=page"><Link2 aria-hidden /> {t.settings.reconnect}</Link>
            </Button>
          )}
        </CardContent>
      </Card>

      <Card id="payments">
        <CardHeader>
          <CardTitle>{t.settings.sections.payments}</CardTitle>
          <CardDescription>{t.settings.paymentsHelp}</CardDescription>
        </CardHeader>
        <CardContent>
          {isOwner ? (
            <Button asChild><Link href="/dashboard/settings/payments"><CreditCard aria-hidden /> {t.settings.openPayments}</Link></Button>
          ) : (
            <p className="text-sm text-muted-foreground">{t.settings.ownerOnly}</p>
          )}
        </CardContent>
      </Card>

      <Card id="delivery">
        <CardHeader>
          <CardTitle>{td.settingsTitle}</CardTitle>
          <CardDescription>{td.settingsIntro}</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant={isOwner ? "default" : "outline"}><Link href="/dashboard/settings/delivery" data-testid="open-delivery-settings"><Truck aria-hidden /> {td.settingsLink}</Link></Button>
        </CardContent>
      </Card>

      <Card id="team">
        <CardHeader><CardTitle>{t.settings.sections.team}</CardTitle></CardHeader>
        <CardContent><TeamPanel storeId={store.id} storeName={store.name} isOwner={isOwner} t={t.settings} tc={t.common} /></CardContent>
      </Card>

      <Card id="messages">
        <CardHeader><CardTitle>{t.settings.sections.messages}</CardTitle></CardHeader>
        <CardContent>
          <MessagesForm
            storeId={store.id}
            storeLocale={store.locale}
            tone={store.botTone}
            texts={(store.messageTexts ?? {}) as Record<string, Record<string, string>>}
            defaults={messageTextDefaults()}
            uiLocale={locale}
            disabled={!isOwner}
            t={t.settings}
            tc={t.common}
          />
        </CardContent>
      </Card>

      <Card id="reservation">
        <CardHeader><CardTitle>{t.settings.sections.reservation}</CardTitle></CardHeader>
        <CardContent>
          <ReservationForm storeId={store.id} storeLocale={store.locale} seconds={store.reservationTtlSeconds} defaultSeconds={env().RESERVATION_TTL_SECONDS} disabled={!isOwner} t={t.settings} tc={t.common} />
          <div className="mt-6 border-t border-border pt-4">
            <QuestionAnswersForm storeId={store.id} storeLocale={store.locale} value={store.questionAnswers === "dm" ? "dm" : "public"} disabled={!isOwner} t={t.settings} />
          </div>
        </CardContent>
      </Card>

      <Card id="buyers">
        <CardHeader><CardTitle>{tb.title}</CardTitle></CardHeader>
        <CardContent>
          <BuyerRulesForm
            storeId={store.id}
            threshold={store.highRiskThreshold}
            holdSeconds={store.highRiskHoldSeconds}
            treatment={store.highRiskTreatment === "pay_first" || store.highRiskTreatment === "approval" ? store.highRiskTreatment : "short_hold"}
            blockedReply={store.blockedBuyerReply === "polite" ? "polite" : "none"}
            disabled={!isOwner}
            t={tb}
            tc={t.common}
          />
        </CardContent>
      </Card>

      <Card id="privacy">
        <CardHeader>
          <CardTitle>{tl.privacy}</CardTitle>
          <CardDescription>{tl.privacyHelp}</CardDescription>
        </CardHeader>
        <CardContent>
          <RetentionForm storeId={store.id} days={store.commentRetentionDays} disabled={!isOwner} t={tl} tc={t.common} />
        </CardContent>
      </Card>

      <Card id="security">
        <CardHeader>
          <CardTitle>{ta.security}</CardTitle>
          <CardDescription>{ta.securityHelp}</CardDescription>
        </CardHeader>
        <CardContent>
          <Button asChild variant="outline"><Link href="/dashboard/settings/security"><ShieldCheck aria-hidden /> {ta.openSecurity}</Link></Button>
        </CardContent>
      </Card>

      {isOwner && (
        <Card id="audit">
          <CardHeader>
            <CardTitle>{ta.audit}</CardTitle>
            <CardDescription>{ta.auditHelp}</CardDescription>
          </CardHeader>
          <CardContent>
            <Button asChild variant="outline"><Link href="/dashboard/settings/audit"><History aria-hidden /> {ta.openAudit}</Link></Button>
          </CardContent>
        </Card>
      )}

      {isOwner && (
        <Card id="close-store" className="border-rose-700/40">
          <CardHeader>
            <CardTitle>{tl.close}</CardTitle>
            <CardDescription>{tl.closeHelp}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            {store.closedAt ? (
              <>
                <Alert tone="info" data-testid="store-closed">{format(tl.closedNotice, { time: dateFmt.format(store.closedAt) })}</Alert>
                <Button asChild variant="outline" className="self-start"><Link href="/dashboard/settings/security#delete-account"><ShieldCheck aria-hidden /> {tl.openSecurity}</Link></Button>
              </>
            ) : (
              <CloseStoreForm storeId={store.id} storeName={store.name} t={tl} />
            )}
          </CardContent>
        </Card>
      )}
    </div>
  );
}
