import type { MessageLocale } from "./languages";
import { ar } from "./locales/ar/bot-templates";
import { en, type UtilityTemplateTexts } from "./locales/en/bot-templates";
import { es } from "./locales/es/bot-templates";
import { fr } from "./locales/fr/bot-templates";
import { it } from "./locales/it/bot-templates";
import { pt } from "./locales/pt/bot-templates";

// The bot's Meta utility templates (bodies and button labels) in every bot language.
export const UTILITY_TEMPLATE_TEXTS: Record<MessageLocale, UtilityTemplateTexts> = { es, pt, en, fr, it, ar };
