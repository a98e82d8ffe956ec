import Link from "next/link";
import { redirect } from "next/navigation";
import { MessageCircle, ShieldCheck, CreditCard } from "lucide-react";
import { Button } from "@/components/ui/button";
import { getSessionUser } from "@/lib/auth/current-user";
import { landingPath } from "@/lib/auth/landing-path";
import { getMessages } from "@/lib/i18n/server";
import { LanguageSwitcher } from "@/components/language-switcher";

export default async function Home() {
  const user = await getSessionUser();
  if (user) redirect(landingPath({ platformRole: user.platformRole }));
  const { t, locale } = await getMessages();
  return (
    <main className="mx-auto flex min-h-dvh max-w-5xl flex-col px-5 py-8">
      <header className="flex items-center justify-between">
        <span className="text-lg font-bold">
          <span className="text-primary">Live</span>StreamSell
        </span>
        <div className="flex items-center gap-3">
          <LanguageSwitcher label={t.nav.language} current={locale} />
          <Button asChild variant="ghost"><Link href="/login">{t.landing.signIn}</Link></Button>
        </div>
      </header>
      <section className="flex flex-1 flex-col justify-center gap-6 py-16">
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight sm:text-6xl">{t.landing.hero}</h1>
        <p className="max-w-2xl text-lg text-muted-foreground">{t.landing.sub}</p>
        <div className="flex gap-3">
          <Button asChild size="lg"><Link href="/signup">{t.landing.cta}</Link></Button>
        </div>
        <ul className="mt-8 grid gap-4 sm:grid-cols-3">
          {[
            { icon: MessageCircle, text: t.landing.f1 },
            { icon: ShieldCheck, text: t.landing.f2 },
            { icon: CreditCard, text: t.landing.f3 },
          ].map(({ icon: Icon, text }) => (
            <li key={text} className="rounded-lg border border-border bg-card p-4 text-sm">
              <Icon className="mb-2 size-5 text-primary" aria-hidden />
              {text}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
