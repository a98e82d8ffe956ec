"use client";
import { useEffect, useState } from "react";

/** A query string of the set values (empty and undefined ones left out). */
export function queryString(params: Record<string, string | number | undefined>) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") p.set(k, String(v));
  return p.toString();
}

/**
 * The state of a searchable, filtered, paged dashboard list (buyers, orders): the filter chip, the search
 * box (applied once the seller pauses typing, from the first page) and the page — all kept in the URL, so
 * a reload or a shared link shows the same list. `urlParams` names them in the URL.
 */
export function useListSearch<F extends string>({ filters, initialFilter, fallback, initialQuery, initialPage, urlParams }: {
  filters: readonly F[];
  initialFilter: string;
  fallback: F;
  initialQuery: string;
  initialPage: number;
  urlParams: (state: { filter: F; q: string; page: number | undefined }) => Record<string, string | number | undefined>;
}) {
  const [filter, setFilter] = useState<F>((filters as readonly string[]).includes(initialFilter) ? (initialFilter as F) : fallback);
  const [text, setText] = useState(initialQuery);
  const [q, setQ] = useState(initialQuery.trim());
  const [page, setPage] = useState(Math.max(0, initialPage - 1));

  // Search as the seller types, once she pauses; a new search starts on the first page.
  useEffect(() => {
    const id = setTimeout(() => {
      if (text.trim() !== q) {
        setQ(text.trim());
        setPage(0);
      }
    }, 300);
    return () => clearTimeout(id);
  }, [text, q]);
  const url = `?${queryString(urlParams({ filter, q, page: page > 0 ? page + 1 : undefined }))}`;
  useEffect(() => {
    window.history.replaceState(null, "", url);
  }, [url]);

  /** A filter chip was chosen: its list from the first page. */
  const chooseFilter = (f: F) => {
    setFilter(f);
    setPage(0);
  };
  return { filter, chooseFilter, text, setText, q, page, setPage };
}
