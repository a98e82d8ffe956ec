import type { Config } from "tailwindcss";

// Tailwind v4 reads its theme from app/globals.css (@theme); this file keeps content paths explicit.
export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}", "./lib/**/*.{ts,tsx}"],
  theme: { extend: {} },
  plugins: [],
} satisfies Config;
