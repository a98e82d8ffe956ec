/**
 * One name per region for comparing a delivery zone with a buyer's address: sellers and buyers write the
 * same region many ways ("RM", "Región Metropolitana", "Metropolitana de Santiago"; "CDMX", "DF"; "CABA",
 * "Capital Federal"; "São Paulo", "SP"). Inputs are already folded (lower case, no accents, words split by
 * single spaces); unknown names come back unchanged.
 */
const ALIASES: Record<string, Record<string, string>> = {
  CL: {
    rm: "metropolitana de santiago", metropolitana: "metropolitana de santiago", "region metropolitana": "metropolitana de santiago",
    "region metropolitana de santiago": "metropolitana de santiago", xiii: "metropolitana de santiago",
    "xiii region": "metropolitana de santiago", "region de valparaiso": "valparaiso", v: "valparaiso", "v region": "valparaiso",
    "bio bio": "biobio", "region del biobio": "biobio", viii: "biobio", "viii region": "biobio", "ohiggins": "libertador general bernardo o higgins",
    "o higgins": "libertador general bernardo o higgins", "region de o higgins": "libertador general bernardo o higgins", vi: "libertador general bernardo o higgins",
    araucania: "la araucania", ix: "la araucania", aysen: "aysen del general carlos ibanez del campo", magallanes: "magallanes y de la antartica chilena",
    "region de los lagos": "los lagos", x: "los lagos", "region de los rios": "los rios", xiv: "los rios", "region de coquimbo": "coquimbo", iv: "coquimbo",
    "region de antofagasta": "antofagasta", ii: "antofagasta", "region del maule": "maule", vii: "maule", "region de nuble": "nuble", xvi: "nuble",
    "region de atacama": "atacama", iii: "atacama", "region de tarapaca": "tarapaca", i: "tarapaca", "region de arica y parinacota": "arica y parinacota", xv: "arica y parinacota",
  },
  MX: {
    cdmx: "ciudad de mexico", df: "ciudad de mexico", "distrito federal": "ciudad de mexico", "mexico city": "ciudad de mexico", "cd de mexico": "ciudad de mexico", "cd mexico": "ciudad de mexico",
    edomex: "estado de mexico", "edo mex": "estado de mexico", "edo de mexico": "estado de mexico", "mexico state": "estado de mexico",
    nl: "nuevo leon", bc: "baja california", bcs: "baja california sur", qroo: "quintana roo", "q roo": "quintana roo", slp: "san luis potosi",
    "michoacan de ocampo": "michoacan", "veracruz de ignacio de la llave": "veracruz", "coahuila de zaragoza": "coahuila",
  },
  AR: {
    caba: "ciudad autonoma de buenos aires", "capital federal": "ciudad autonoma de buenos aires", capital: "ciudad autonoma de buenos aires",
    "ciudad de buenos aires": "ciudad autonoma de buenos aires", "c a b a": "ciudad autonoma de buenos aires",
    "bs as": "buenos aires", "bsas": "buenos aires", pba: "buenos aires", "provincia de buenos aires": "buenos aires", "pcia de buenos aires": "buenos aires", "prov de buenos aires": "buenos aires",
    "tierra del fuego antartida e islas del atlantico sur": "tierra del fuego", cordoba: "cordoba",
  },
  BR: {
    acre: "ac", alagoas: "al", amapa: "ap", amazonas: "am", bahia: "ba", ceara: "ce", "distrito federal": "df", brasilia: "df", "espirito santo": "es", goias: "go",
    maranhao: "ma", "mato grosso": "mt", "mato grosso do sul": "ms", "minas gerais": "mg", para: "pa", paraiba: "pb", parana: "pr", pernambuco: "pe", piaui: "pi",
    "rio de janeiro": "rj", "rio grande do norte": "rn", "rio grande do sul": "rs", rondonia: "ro", roraima: "rr", "santa catarina": "sc", "sao paulo": "sp", sergipe: "se", tocantins: "to",
  },
};

export function canonicalRegion(country: string, folded: string): string {
  return ALIASES[country.toUpperCase()]?.[folded] ?? folded;
}
