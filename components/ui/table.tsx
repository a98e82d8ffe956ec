import * as React from "react";
import { cn } from "@/lib/utils";

/**
 * `scrollLabel`: names the table's horizontal scroll area and makes it keyboard-focusable (a region),
 * for tables wider than a phone (WCAG: a scrollable region must be reachable by keyboard).
 */
export function Table({ className, scrollLabel, ...props }: React.TableHTMLAttributes<HTMLTableElement> & { scrollLabel?: string }) {
  return (
    <div className="w-full overflow-x-auto" {...(scrollLabel && { role: "region", tabIndex: 0, "aria-label": scrollLabel })}>
      <table className={cn("w-full caption-bottom text-sm", className)} {...props} />
    </div>
  );
}
export const THead = (p: React.HTMLAttributes<HTMLTableSectionElement>) => <thead {...p} className={cn("[&_tr]:border-b [&_tr]:border-border", p.className)} />;
export const TBody = (p: React.HTMLAttributes<HTMLTableSectionElement>) => <tbody {...p} className={cn("[&_tr:last-child]:border-0", p.className)} />;
export const TR = (p: React.HTMLAttributes<HTMLTableRowElement>) => <tr {...p} className={cn("border-b border-border transition-colors hover:bg-muted/50", p.className)} />;
export const TH = (p: React.ThHTMLAttributes<HTMLTableCellElement>) => <th {...p} className={cn("h-10 px-3 text-start align-middle font-medium text-muted-foreground", p.className)} />;
export const TD = (p: React.TdHTMLAttributes<HTMLTableCellElement>) => <td {...p} className={cn("p-3 align-middle", p.className)} />;
