"use client";
import { useCallback, useReducer } from "react";
import type { FeedComment } from "./types";

const MAX_ROWS = 3_000;

type FeedState = { rows: Map<string, FeedComment>; order: string[]; held: string[] };
type Action = { type: "merge"; rows: FeedComment[]; hold: boolean } | { type: "release" };

const newestFirst = (rows: Map<string, FeedComment>) => (a: string, b: string) => {
  const ra = rows.get(a)!;
  const rb = rows.get(b)!;
  return ra.received_at === rb.received_at ? (a < b ? 1 : -1) : ra.received_at < rb.received_at ? 1 : -1;
};

function reducer(state: FeedState, action: Action): FeedState {
  if (action.type === "release") {
    if (state.held.length === 0) return state;
    return { ...state, order: [...state.held, ...state.order].sort(newestFirst(state.rows)), held: [] };
  }
  if (action.rows.length === 0) return state;
  const rows = new Map(state.rows);
  const known = new Set([...state.order, ...state.held]);
  const fresh: string[] = [];
  for (const r of action.rows) {
    rows.set(r.id, r);
    if (!known.has(r.id)) {
      fresh.push(r.id);
      known.add(r.id);
    }
  }
  // While the seller is reading further down, new comments wait above instead of pushing the list.
  let order = state.order;
  let held = state.held;
  if (fresh.length) {
    if (action.hold) held = [...held, ...fresh];
    else order = [...fresh, ...order].sort(newestFirst(rows));
  }
  if (order.length > MAX_ROWS) {
    for (const id of order.slice(MAX_ROWS)) rows.delete(id);
    order = order.slice(0, MAX_ROWS);
  }
  return { rows, order, held };
}

/** The comment feed as a keyed map plus display order, merged incrementally from event batches. */
export function useFeed(initial: FeedComment[]) {
  const [state, dispatch] = useReducer(reducer, initial, (rows) => ({ rows: new Map(rows.map((r) => [r.id, r])), order: rows.map((r) => r.id), held: [] }));
  const merge = useCallback((rows: FeedComment[], hold = false) => dispatch({ type: "merge", rows, hold }), []);
  const release = useCallback(() => dispatch({ type: "release" }), []);
  return { ...state, merge, release };
}
