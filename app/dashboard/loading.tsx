import { Skeleton } from "@/components/ui/skeleton";
import { getMessages } from "@/lib/i18n/server";

/** Shown inside the dashboard frame while a page loads (e.g. right after sign-up), instead of a blank screen. */
export default async function DashboardLoading() {
  const { t } = await getMessages();
  return (
    <div role="status" aria-live="polite" className="flex flex-col gap-6" data-testid="dashboard-loading">
      <span className="sr-only">{t.common.loading}</span>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Skeleton className="h-8 w-48" />
        <Skeleton className="h-9 w-56" />
      </div>
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className={i === 0 ? "col-span-2 h-20 lg:col-span-1" : "h-20"} />)}
      </div>
      <div className="grid gap-4 lg:grid-cols-3">
        <Skeleton className="h-80 lg:col-span-2" />
        <Skeleton className="h-80" />
      </div>
    </div>
  );
}
