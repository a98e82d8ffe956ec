/**
 * Country and time-zone names in the reader's language, from the runtime's ICU data (Intl), so the
 * onboarding and settings lists read "Chili"/"تشيلي" and "hora de Chile (Santiago)" instead of codes and
 * IANA ids. The city of a zone has no localized name in Intl; it is kept, isolated, to tell apart zones
 * that share a name ("hora de Europa central" is Madrid, Paris, Berlin…).
 */
const FSI = "\u2068";
const PDI = "\u2069";

export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language tag in the reader's language, capitalised for lists: "es-CL" → "Espanhol (Chile)" in Portuguese. */
export function languageName(tag: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: "language", languageDisplay: "standard", fallback: "code" }).of(tag) ?? tag;
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return tag;
  }
}

/** The zone's city as written in its IANA id: "America/Argentina/Buenos_Aires" → "Buenos Aires". */
function zoneCity(zone: string) {
  return (zone.split("/").pop() ?? zone).replaceAll("_", " ");
}

export function timeZoneLabel(zone: string, locale: string, now = new Date()): string {
  let generic: string | undefined;
  try {
    generic = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "longGeneric" }).formatToParts(now).find((p) => p.type === "timeZoneName")?.value;
  } catch {
    return zone.replaceAll("_", " ");
  }
  const city = zoneCity(zone);
  if (!generic) return city;
  return zone.includes("/") && !zone.startsWith("Etc/") ? `${generic} (${FSI}${city}${PDI})` : `${generic} (${FSI}${zone}${PDI})`;
}

/** Zones as select options, sorted by their localized label. */
export function timeZoneOptions(zones: readonly string[], locale: string, now = new Date()) {
  const collator = new Intl.Collator(locale);
  return zones.map((value) => ({ value, label: timeZoneLabel(value, locale, now) })).sort((a, b) => collator.compare(a.label, b.label));
}
