import { create } from "zustand";

type UiState = { navOpen: boolean; setNavOpen: (open: boolean) => void };

/** Client-only UI state shared across the dashboard shell (the phone navigation drawer). */
export const useUiState = create<UiState>()((set) => ({
  navOpen: false,
  setNavOpen: (navOpen) => set({ navOpen }),
}));
