// Carriers of the regions the product sells in, with the public tracking page of each. `{n}` is the
// tracking number (URL-encoded). "other" has no template: the seller gives the URL.

export type Carrier = { code: string; name: string; url: string | null; countries: string[] };

const CARRIERS: Carrier[] = [
  { code: "starken", name: "Starken", url: "https://www.starken.cl/seguimiento?codigo={n}", countries: ["CL"] },
  { code: "chilexpress", name: "Chilexpress", url: "https://centrodeayuda.chilexpress.cl/seguimiento/{n}", countries: ["CL"] },
  { code: "blueexpress", name: "Blue Express", url: "https://www.blue.cl/seguimiento/?n_seguimiento={n}", countries: ["CL"] },
  { code: "correoschile", name: "Correos de Chile", url: "https://www.correos.cl/web/guest/seguimiento-en-linea?codigos={n}", countries: ["CL"] },
  { code: "99minutos", name: "99minutos", url: "https://tracking.99minutos.com/search/{n}", countries: ["MX", "CL", "CO", "PE"] },
  { code: "andreani", name: "Andreani", url: "https://www.andreani.com/envio/{n}", countries: ["AR"] },
  { code: "oca", name: "OCA", url: "https://www.oca.com.ar/Busquedas/Envios?numero={n}", countries: ["AR"] },
  { code: "correoargentino", name: "Correo Argentino", url: "https://www.correoargentino.com.ar/formularios/e-commerce?id={n}", countries: ["AR"] },
  { code: "correios", name: "Correios", url: "https://rastreamento.correios.com.br/app/index.php?objeto={n}", countries: ["BR"] },
  { code: "estafeta", name: "Estafeta", url: "https://www.estafeta.com/rastrear-envio?guias={n}", countries: ["MX"] },
  { code: "dhl", name: "DHL", url: "https://www.dhl.com/global-en/home/tracking/tracking-express.html?tracking-id={n}", countries: [] },
  { code: "fedex", name: "FedEx", url: "https://www.fedex.com/fedextrack/?trknbr={n}", countries: [] },
  { code: "ups", name: "UPS", url: "https://www.ups.com/track?tracknum={n}", countries: [] },
  { code: "other", name: "Other", url: null, countries: [] },
];

const squash = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]/g, "");
const BY_KEY = new Map<string, Carrier>();
for (const c of CARRIERS) {
  BY_KEY.set(squash(c.code), c);
  BY_KEY.set(squash(c.name), c);
}
BY_KEY.set("blue", BY_KEY.get("blueexpress")!);
BY_KEY.set("correos", BY_KEY.get("correios")!);
BY_KEY.set("correosbrasil", BY_KEY.get("correios")!);
BY_KEY.set("correoschile", BY_KEY.get("correoschile")!);

/** A carrier code or name, any case ("Chilexpress", "DHL", "blue express"); anything else is "other" under the name typed. */
export function resolveCarrier(input: string): { code: string; name: string } {
  const found = BY_KEY.get(squash(input));
  if (found && found.code !== "other") return { code: found.code, name: found.name };
  const typed = input.trim();
  return { code: "other", name: typed && squash(typed) !== "other" ? typed.slice(0, 100) : "Other" };
}

export function trackingUrlFor({ carrier, trackingNumber }: { carrier: string; trackingNumber: string }): string | null {
  const template = CARRIERS.find((c) => c.code === carrier)?.url;
  return template ? template.replace("{n}", encodeURIComponent(trackingNumber)) : null;
}

/** Carriers to offer first for a store's country, then the international ones, then "other". */
export function carriersFor(country: string): Carrier[] {
  const local = CARRIERS.filter((c) => c.countries.includes(country.toUpperCase()));
  const global = CARRIERS.filter((c) => c.countries.length === 0 && c.code !== "other");
  const rest = CARRIERS.filter((c) => !local.includes(c) && !global.includes(c) && c.code !== "other");
  return [...local, ...global, ...rest, CARRIERS.find((c) => c.code === "other")!];
}
