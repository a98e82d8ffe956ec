"use client";
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { LayoutDashboard, Radio, Package, ShoppingBag, Settings, Shield, BookOpen, LogOut, Menu, X, FlaskConical, Store, Users, Layers, LifeBuoy, FileSpreadsheet, ScrollText, Siren, Receipt, Contact, Mail, SlidersHorizontal } from "lucide-react";
import { cn } from "@/lib/utils";
import { useUiState } from "@/lib/ui-state";
import { LanguageSwitcher } from "@/components/language-switcher";
import { StoreSwitcher } from "./store-switcher";
import type { Messages } from "@/lib/i18n/locales/en/dashboard";

type Props = {
  t: Messages["nav"];
  locale: string;
  userName: string;
  storeName: string | null;
  isSuperadmin: boolean;
  /** The development simulator exists only in the embedded default (no real Meta app). */
  showSimulator?: boolean;
  stores?: { id: string; name: string }[];
  currentStoreId?: string | null;
  variant?: "seller" | "admin";
  /** Labels of the operator console's and the seller's extra pages (lib/i18n/console.ts). */
  /** The Buyers page's label (lib/i18n/buyers.ts). */
  buyersLabel?: string;
  consoleNav?: { articles: string; overview: string; tenants: string; users: string; plans: string; tickets: string; reports: string; logs: string; alerts: string; billing: string; support: string; mailbox: string; settings: string };
  children: React.ReactNode;
};

export function DashboardShell({ t, locale, userName, storeName, isSuperadmin, showSimulator = false, stores = [], currentStoreId = null, variant = "seller", buyersLabel, consoleNav, children }: Props) {
  const pathname = usePathname();
  const { navOpen, setNavOpen } = useUiState();
  const items =
    variant === "admin"
      ? [
          { href: "/admin", label: consoleNav?.overview ?? t.admin, icon: Shield },
          ...(consoleNav
            ? [
                { href: "/admin/tenants", label: consoleNav.tenants, icon: Store },
                { href: "/admin/users", label: consoleNav.users, icon: Users },
                { href: "/admin/plans", label: consoleNav.plans, icon: Layers },
                { href: "/admin/tickets", label: consoleNav.tickets, icon: LifeBuoy },
                { href: "/admin/articles", label: consoleNav.articles, icon: BookOpen },
                { href: "/admin/reports", label: consoleNav.reports, icon: FileSpreadsheet },
                { href: "/admin/logs", label: consoleNav.logs, icon: ScrollText },
                { href: "/admin/alerts", label: consoleNav.alerts, icon: Siren },
                { href: "/admin/emails", label: consoleNav.mailbox, icon: Mail },
                { href: "/admin/settings", label: consoleNav.settings, icon: SlidersHorizontal },
              ]
            : []),
        ]
      : [
          { href: "/dashboard", label: t.overview, icon: LayoutDashboard },
          { href: "/dashboard/live", label: t.live, icon: Radio },
          { href: "/dashboard/inventory", label: t.inventory, icon: Package },
          { href: "/dashboard/orders", label: t.orders, icon: ShoppingBag },
          ...(buyersLabel ? [{ href: "/dashboard/buyers", label: buyersLabel, icon: Contact }] : []),
          { href: "/dashboard/settings", label: t.settings, icon: Settings },
          ...(consoleNav ? [{ href: "/dashboard/billing", label: consoleNav.billing, icon: Receipt }, { href: "/dashboard/support", label: consoleNav.support, icon: LifeBuoy }] : []),
          ...(showSimulator ? [{ href: "/dashboard/simulator", label: t.simulator, icon: FlaskConical }] : []),
        ];
  const isActive = (href: string) => (href === "/dashboard" || href === "/admin" ? pathname === href : pathname.startsWith(href));
  const nav = (
    <nav aria-label={t.menu} className="flex flex-1 flex-col gap-1">
      {items.map(({ href, label, icon: Icon }) => (
        <Link
          key={href}
          href={href}
          onClick={() => setNavOpen(false)}
          aria-current={isActive(href) ? "page" : undefined}
          className={cn("flex items-center gap-3 rounded-md px-3 py-2 text-sm text-muted-foreground hover:bg-muted hover:text-foreground", isActive(href) && "bg-primary/15 text-foreground")}
        >
          <Icon className="size-4" aria-hidden />
          {label}
          <NavPending />
        </Link>
      ))}
      <div className="mt-4 border-t border-border pt-4">
        {isSuperadmin && variant === "seller" && (
          <Link href="/admin" className="flex items-center gap-3 rounded-md px-3 py-2 text-sm text-muted-foreground hover:bg-muted hover:text-foreground">
            <Shield className="size-4" aria-hidden /> {t.admin}
          </Link>
        )}
        {variant === "admin" && (
          <Link href="/dashboard" className="flex items-center gap-3 rounded-md px-3 py-2 text-sm text-muted-foreground hover:bg-muted hover:text-foreground">
            <LayoutDashboard className="size-4" aria-hidden /> {t.overview}
          </Link>
        )}
        <Link href="/docs/api" className="flex items-center gap-3 rounded-md px-3 py-2 text-sm text-muted-foreground hover:bg-muted hover:text-foreground">
          <BookOpen className="size-4" aria-hidden /> {t.apiDocs}
        </Link>
      </div>
    </nav>
  );
  const footer = (
    <div className="flex flex-col gap-3 border-t border-border pt-4 text-sm">
      <LanguageSwitcher label={t.language} current={locale} />
      <div className="truncate text-muted-foreground">{userName}</div>
      <button type="button" onClick={() => signOut({ callbackUrl: "/login" })} className="flex items-center gap-2 text-muted-foreground hover:text-foreground">
        <LogOut className="size-4" aria-hidden /> {t.signOut}
      </button>
    </div>
  );
  const brand = (
    <div className="mb-6">
      <Link href="/dashboard" className="text-lg font-bold"><span className="text-blue-400">Live</span>StreamSell</Link>
      {storeName && <div className="mt-1 truncate text-xs text-muted-foreground" data-testid="current-store">{storeName}</div>}
      <StoreSwitcher stores={stores} currentId={currentStoreId} label={t.store} />
    </div>
  );
  return (
    <div className="min-h-dvh md:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:z-50 focus:bg-primary focus:p-2">{t.skip}</a>
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col border-e border-border bg-card p-4 md:flex">
        {brand}
        {nav}
        {footer}
      </aside>
      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-border bg-card/95 px-4 py-3 backdrop-blur md:hidden">
        <Link href="/dashboard" className="font-bold"><span className="text-blue-400">Live</span>StreamSell</Link>
        <button type="button" aria-label={t.menu} aria-expanded={navOpen} onClick={() => setNavOpen(!navOpen)} className="rounded-md p-2 hover:bg-muted">
          {navOpen ? <X className="size-5" /> : <Menu className="size-5" />}
        </button>
      </header>
      {navOpen && (
        <div className="fixed inset-0 top-[57px] z-20 flex flex-col bg-card p-4 md:hidden">
          {nav}
          {footer}
        </div>
      )}
      <main id="main" className="min-w-0 flex-1 p-4 md:p-8">{children}</main>
    </div>
  );
}

/** A small spinner on the menu entry being opened: the next page renders on the server before it shows. */
function NavPending() {
  const { pending } = useLinkStatus();
  return <span aria-hidden className={cn("ms-auto size-3 rounded-full border-2 border-muted-foreground/40 border-t-foreground", pending ? "animate-spin" : "invisible")} />;
}
