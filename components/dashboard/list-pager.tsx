"use client";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { format } from "@/lib/i18n";

/** "1–25 of 312" with previous/next, under a paged dashboard list; nothing when one page holds it all. */
export function ListPager({ page, pageSize, total, locale, onPage, testId, t }: {
  page: number;
  pageSize: number;
  total: number | null;
  locale: string;
  onPage: (page: number) => void;
  testId: string;
  t: { pages: string; range: string; previous: string; next: string };
}) {
  if (total === null || total <= pageSize) return null;
  const number = new Intl.NumberFormat(locale);
  return (
    <nav aria-label={t.pages} className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground">
      <span data-testid={testId}>{format(t.range, { from: number.format(page * pageSize + 1), to: number.format(Math.min(total, (page + 1) * pageSize)), total: number.format(total) })}</span>
      <span className="flex gap-2">
        <Button type="button" variant="outline" size="sm" disabled={page === 0} onClick={() => onPage(page - 1)}><ChevronLeft className="rtl:rotate-180" aria-hidden /> {t.previous}</Button>
        <Button type="button" variant="outline" size="sm" disabled={(page + 1) * pageSize >= total} onClick={() => onPage(page + 1)}>{t.next} <ChevronRight className="rtl:rotate-180" aria-hidden /></Button>
      </span>
    </nav>
  );
}
