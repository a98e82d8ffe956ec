import { redirect } from "next/navigation";
import { getUiLocale } from "@/lib/i18n/server";

/** The licences page in the visitor's language (each language is prerendered at build time). */
export default async function LicensesIndex() {
  redirect(`/legal/licenses/${await getUiLocale()}`);
}
