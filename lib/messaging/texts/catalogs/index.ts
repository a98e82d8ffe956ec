import type { Catalog, MessageLocale } from "../types";
import { ar } from "./ar";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { it } from "./it";
import { pt } from "./pt";

export const CATALOGS: Record<MessageLocale, Catalog> = { es, pt, en, fr, it, ar };
