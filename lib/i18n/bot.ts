import type { Catalog, MessageLocale } from "@/lib/messaging/texts/types";
import { ar } from "./locales/ar/bot";
import { en } from "./locales/en/bot";
import { es } from "./locales/es/bot";
import { fr } from "./locales/fr/bot";
import { it } from "./locales/it/bot";
import { pt } from "./locales/pt/bot";

export const CATALOGS: Record<MessageLocale, Catalog> = { es, pt, en, fr, it, ar };
