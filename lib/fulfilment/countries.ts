// What shipping needs to know about the countries the product sells in: the phone's calling code and
// length, the address's own shape (which labels, which postal-code format, the list of regions), and the
// delivery methods a new store of that country starts from. Everything works offline.

export type AddressShape = "CL" | "MX" | "BR" | "AR" | "generic";

type CountryRule = {
  callingCode: string;
  /** Allowed lengths of the national number (digits after the calling code, without a trunk 0). */
  nationalLengths: number[];
  shape: AddressShape;
  /** Postal code: required?, and the pattern it must match (after trimming). */
  postal?: { required: boolean; pattern: RegExp; example: string };
  regions?: string[];
};

const CL_REGIONS = [
  "Arica y Parinacota", "Tarapacá", "Antofagasta", "Atacama", "Coquimbo", "Valparaíso", "Metropolitana de Santiago",
  "Libertador General Bernardo O'Higgins", "Maule", "Ñuble", "Biobío", "La Araucanía", "Los Ríos", "Los Lagos",
  "Aysén del General Carlos Ibáñez del Campo", "Magallanes y de la Antártica Chilena",
];
const MX_STATES = [
  "Aguascalientes", "Baja California", "Baja California Sur", "Campeche", "Chiapas", "Chihuahua", "Ciudad de México", "Coahuila",
  "Colima", "Durango", "Estado de México", "Guanajuato", "Guerrero", "Hidalgo", "Jalisco", "Michoacán", "Morelos", "Nayarit",
  "Nuevo León", "Oaxaca", "Puebla", "Querétaro", "Quintana Roo", "San Luis Potosí", "Sinaloa", "Sonora", "Tabasco", "Tamaulipas",
  "Tlaxcala", "Veracruz", "Yucatán", "Zacatecas",
];
const AR_PROVINCES = [
  "Ciudad Autónoma de Buenos Aires", "Buenos Aires", "Catamarca", "Chaco", "Chubut", "Córdoba", "Corrientes", "Entre Ríos", "Formosa",
  "Jujuy", "La Pampa", "La Rioja", "Mendoza", "Misiones", "Neuquén", "Río Negro", "Salta", "San Juan", "San Luis", "Santa Cruz",
  "Santa Fe", "Santiago del Estero", "Tierra del Fuego", "Tucumán",
];
const BR_STATES = ["AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO"];

const RULES: Record<string, CountryRule> = {
  CL: { callingCode: "56", nationalLengths: [9], shape: "CL", postal: { required: false, pattern: /^\d{7}$/, example: "8320000" }, regions: CL_REGIONS },
  MX: { callingCode: "52", nationalLengths: [10], shape: "MX", postal: { required: true, pattern: /^\d{5}$/, example: "06600" }, regions: MX_STATES },
  BR: { callingCode: "55", nationalLengths: [10, 11], shape: "BR", postal: { required: true, pattern: /^\d{5}-?\d{3}$/, example: "01310-100" }, regions: BR_STATES },
  AR: { callingCode: "54", nationalLengths: [10, 11], shape: "AR", postal: { required: true, pattern: /^([A-Z]\d{4}[A-Z]{3}|\d{4})$/i, example: "1425" }, regions: AR_PROVINCES },
  CO: { callingCode: "57", nationalLengths: [10], shape: "generic" },
  PE: { callingCode: "51", nationalLengths: [9], shape: "generic" },
  UY: { callingCode: "598", nationalLengths: [8], shape: "generic" },
  PY: { callingCode: "595", nationalLengths: [9], shape: "generic" },
  EC: { callingCode: "593", nationalLengths: [9], shape: "generic" },
  BO: { callingCode: "591", nationalLengths: [8], shape: "generic" },
  ES: { callingCode: "34", nationalLengths: [9], shape: "generic", postal: { required: true, pattern: /^\d{5}$/, example: "28001" } },
  PT: { callingCode: "351", nationalLengths: [9], shape: "generic" },
  US: { callingCode: "1", nationalLengths: [10], shape: "generic", postal: { required: true, pattern: /^\d{5}(-\d{4})?$/, example: "94105" } },
};

export function countryRule(country: string): CountryRule | null {
  return RULES[country.toUpperCase()] ?? null;
}

export function addressShapeOf(country: string): AddressShape {
  return countryRule(country)?.shape ?? "generic";
}

export function regionsOf(country: string): string[] {
  return countryRule(country)?.regions ?? [];
}

/** Calling code → country, longest codes first so "598" wins over "59…". */
const BY_CALLING_CODE = Object.entries(RULES)
  .map(([country, r]) => ({ country, code: r.callingCode }))
  .sort((a, b) => b.code.length - a.code.length);

export function countryOfCallingCode(digits: string): { country: string; code: string } | null {
  return BY_CALLING_CODE.find((c) => digits.startsWith(c.code)) ?? null;
}

/** Brazilian state (UF) from the CEP's first digits: the Correios ranges, so the form can fill it offline. */
const CEP_RANGES: [number, number, string][] = [
  [1000, 19999, "SP"], [20000, 28999, "RJ"], [29000, 29999, "ES"], [30000, 39999, "MG"], [40000, 48999, "BA"], [49000, 49999, "SE"],
  [50000, 56999, "PE"], [57000, 57999, "AL"], [58000, 58999, "PB"], [59000, 59999, "RN"], [60000, 63999, "CE"], [64000, 64999, "PI"],
  [65000, 65999, "MA"], [66000, 68899, "PA"], [68900, 68999, "AP"], [69000, 69299, "AM"], [69300, 69399, "RR"], [69400, 69899, "AM"],
  [69900, 69999, "AC"], [70000, 72799, "DF"], [72800, 72999, "GO"], [73000, 73699, "DF"], [73700, 76799, "GO"], [76800, 76999, "RO"],
  [77000, 77999, "TO"], [78000, 78899, "MT"], [79000, 79999, "MS"], [80000, 87999, "PR"], [88000, 89999, "SC"], [90000, 99999, "RS"],
];

export function brazilStateOfCep(cep: string): string | null {
  const digits = cep.replace(/\D/g, "");
  if (digits.length !== 8) return null;
  const prefix = Number(digits.slice(0, 5));
  return CEP_RANGES.find(([lo, hi]) => prefix >= lo && prefix <= hi)?.[2] ?? null;
}
