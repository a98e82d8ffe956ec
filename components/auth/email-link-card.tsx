import type { ReactNode } from "react";
import { PublicShell } from "@/components/auth/public-shell";
import { Card, CardContent, CardHeader } from "@/components/ui/card";

/** The page an emailed link opens (reset password, verify email): one card with its title and form. */
export function EmailLinkCard({ locale, languageLabel, title, contentClassName, children }: { locale: string; languageLabel: string; title: string; contentClassName?: string; children: ReactNode }) {
  return (
    <PublicShell locale={locale} languageLabel={languageLabel}>
      <Card>
        <CardHeader>
          <h1 className="text-lg font-semibold leading-none tracking-tight">{title}</h1>
        </CardHeader>
        <CardContent className={contentClassName}>{children}</CardContent>
      </Card>
    </PublicShell>
  );
}
