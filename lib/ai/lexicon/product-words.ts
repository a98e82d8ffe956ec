import type { PerLang } from "./intent-words";

/**
 * The commerce vocabulary that lets a buyer name a product in their own words: "remera",
 * "playera", "tee" and "تيشيرت" are all the catalog's "polera". Concepts are language-neutral ids;
 * `implies` widens a product's own concept (jeans are also trousers), never the buyer's words.
 */
export interface ConceptSpec {
  words: PerLang;
  implies?: readonly string[];
  /** Sold by the pair: "un par de zapatillas" is one item, "un par de poleras" is two. */
  paired?: boolean;
  /** Read as this material when it qualifies another garment ("campera de jean"). */
  asMaterial?: string;
  /** Also a quantity (Arabic dual: "تيشيرتين" is two t-shirts). */
  quantity?: Readonly<Record<string, number>>;
}

export const PRODUCT_TYPES: Record<string, ConceptSpec> = {
  tshirt: {
    words: {
      es: ["polera", "poleras", "remera", "remeras", "playera", "playeras", "camiseta", "camisetas", "camisa", "camisas", "polo", "polos", "t shirt", "t shirts", "tshirt", "tshirts", "polerita", "remerita"],
      pt: ["camiseta", "camisetas", "camisa", "camisas", "t shirt"],
      en: ["t shirt", "t shirts", "tee", "tees", "tshirt", "tshirts", "shirt", "shirts", "tee shirt"],
      fr: ["t shirt", "t shirts", "tee shirt", "tshirt", "maillot"],
      it: ["maglietta", "magliette", "maglia", "maglie", "t shirt", "t shirts"],
      ar: ["تيشيرت", "تيشرت", "تي شيرت", "تيشيرتات", "تيشرتات", "قميص", "قمصان"],
    },
    quantity: { "تيشيرتين": 2, "تيشرتين": 2 },
  },
  hoodie: {
    words: {
      es: ["poleron", "polerones", "buzo", "buzos", "sudadera", "sudaderas", "canguro", "hoodie", "polerón"],
      pt: ["moletom", "moletons", "blusao", "casaco de moletom"],
      en: ["hoodie", "hoodies", "hoody", "sweatshirt", "sweatshirts", "jumper"],
      fr: ["sweat", "sweats", "sweat a capuche", "hoodie"],
      it: ["felpa", "felpe"],
      ar: ["هودي", "هوديز", "سويت شيرت", "سويتشيرت"],
    },
  },
  bag: {
    words: {
      es: ["bolso", "bolsos", "cartera", "carteras", "bolsa", "bolsas", "bolso de mano", "clutch"],
      pt: ["bolsa", "bolsas"],
      en: ["bag", "bags", "handbag", "handbags", "purse", "purses"],
      fr: ["sac", "sacs", "sac a main"],
      it: ["borsa", "borse", "borsetta", "borsette"],
      ar: ["شنطه", "شنطة", "شنط", "حقيبه", "حقيبة", "حقائب"],
    },
  },
  backpack: {
    words: {
      es: ["mochila", "mochilas"],
      pt: ["mochila", "mochilas"],
      en: ["backpack", "backpacks", "back pack"],
      fr: ["sac a dos"],
      it: ["zaino", "zaini", "zainetto"],
      ar: ["حقيبة ظهر", "شنطة ظهر", "شنطه ظهر"],
    },
  },
  sneakers: {
    implies: ["footwear"],
    paired: true,
    words: {
      es: ["zapatillas", "zapatilla", "zapas", "tenis", "deportivas", "championes", "zapatos deportivos", "tennis"],
      pt: ["tenis", "tennis"],
      en: ["sneakers", "sneaker", "trainers", "kicks", "running shoes"],
      fr: ["baskets", "basket", "sneakers", "tennis"],
      it: ["sneakers", "scarpe da ginnastica", "scarpe sportive"],
      ar: ["كوتشي", "سنيكرز", "حذاء رياضي", "جزمه رياضيه", "كوتش"],
    },
  },
  footwear: {
    paired: true,
    words: {
      es: ["zapatos", "zapato", "calzado"],
      pt: ["sapatos", "sapato", "calcados", "calcado"],
      en: ["shoes", "shoe"],
      fr: ["chaussures", "chaussure"],
      it: ["scarpe", "scarpa"],
      ar: ["حذاء", "جزمه", "جزمة", "احذيه"],
    },
  },
  jeans: {
    implies: ["pants", "mat:denim"],
    asMaterial: "denim",
    words: {
      es: ["jeans", "jean", "vaquero", "vaqueros", "pantalon de mezclilla", "blue jean", "yins"],
      pt: ["jeans", "calca jeans"],
      en: ["jeans", "jean", "denims"],
      fr: ["jean", "jeans"],
      it: ["jeans"],
      ar: ["جينز", "جنز", "الجينز"],
    },
  },
  pants: {
    words: {
      es: ["pantalon", "pantalones", "pantalón"],
      pt: ["calca", "calcas"],
      en: ["pants", "trousers"],
      fr: ["pantalon", "pantalons"],
      it: ["pantaloni", "pantalone"],
      ar: ["بنطلون", "بنطال", "بنطرون"],
    },
  },
  dress: {
    words: {
      es: ["vestido", "vestidos", "vestidito"],
      pt: ["vestido", "vestidos", "vestidinho"],
      en: ["dress", "dresses"],
      fr: ["robe", "robes"],
      it: ["vestito", "vestiti", "abito", "abitino"],
      ar: ["فستان", "فساتين"],
    },
    quantity: { "فستانين": 2 },
  },
  skirt: {
    words: {
      es: ["falda", "faldas", "pollera", "polleras", "faldita"],
      pt: ["saia", "saias"],
      en: ["skirt", "skirts"],
      fr: ["jupe", "jupes"],
      it: ["!gonna", "!gonne"],
      ar: ["تنوره", "تنورة", "جيبه", "جيبة"],
    },
  },
  jacket: {
    words: {
      es: ["chaqueta", "chaquetas", "casaca", "casacas", "campera", "camperas", "chamarra", "chamarras", "chaqueton", "cazadora"],
      pt: ["jaqueta", "jaquetas"],
      en: ["jacket", "jackets"],
      fr: ["veste", "vestes", "blouson"],
      it: ["giacca", "giacche", "giubbotto", "giacchetto"],
      ar: ["جاكيت", "جاكت", "جاكيته", "جاكيتة"],
    },
  },
  earrings: {
    paired: true,
    words: {
      es: ["aros", "aretes", "pendientes", "zarcillos", "arracadas", "caravanas", "aritos"],
      pt: ["brincos", "brinco"],
      en: ["earrings", "earring"],
      fr: ["boucles d oreilles", "boucles d oreille", "boucles"],
      it: ["orecchini", "orecchino"],
      ar: ["حلق", "اقراط", "حلقان", "قرط"],
    },
  },
  necklace: {
    words: {
      es: ["collar", "collares", "gargantilla", "cadena", "cadenita"],
      pt: ["colar", "colares", "corrente"],
      en: ["necklace", "necklaces", "chain"],
      fr: ["collier", "colliers", "chaine"],
      it: ["collana", "collane", "collanina"],
      ar: ["قلاده", "قلادة", "سلسال", "سلسله", "عقد"],
    },
  },
  sunglasses: {
    words: {
      es: ["lentes", "lentes de sol", "gafas", "gafas de sol", "anteojos", "anteojos de sol"],
      pt: ["oculos", "oculos de sol"],
      en: ["sunglasses", "shades", "glasses", "sunnies"],
      fr: ["lunettes", "lunettes de soleil"],
      it: ["occhiali", "occhiali da sole"],
      ar: ["نظاره", "نظارة", "نظارات", "نظارة شمسية", "نظاره شمسيه"],
    },
  },
  beanie: {
    words: {
      es: ["gorro", "gorros", "gorrito", "beanie"],
      pt: ["touca", "toucas", "gorro"],
      en: ["beanie", "beanies", "hat", "wooly hat"],
      fr: ["bonnet", "bonnets"],
      it: ["berretto", "berretti", "cuffia", "cappello"],
      ar: ["طاقيه", "طاقية", "قبعه", "قبعة"],
    },
  },
  cap: {
    words: {
      es: ["gorra", "gorras", "jockey"],
      pt: ["bone", "bones"],
      en: ["cap", "caps", "baseball cap"],
      fr: ["casquette", "casquettes"],
      it: ["cappellino"],
      ar: ["كاب", "كابات"],
    },
  },
  belt: {
    words: {
      es: ["cinturon", "cinturones", "correa", "correas", "cinto"],
      pt: ["cinto", "cintos", "cinturao"],
      en: ["belt", "belts"],
      fr: ["ceinture", "ceintures"],
      it: ["cintura", "cinture"],
      ar: ["حزام", "احزمه"],
    },
  },
  blouse: {
    words: {
      es: ["blusa", "blusas", "blusita"],
      pt: ["blusa", "blusas", "blusinha", "blusinhas"],
      en: ["blouse", "blouses"],
      fr: ["chemisier", "blouse"],
      it: ["camicetta", "camicette", "blusa"],
      ar: ["بلوزه", "بلوزة", "بلوزات"],
    },
  },
};

export const COLORS: Record<string, ConceptSpec> = {
  red: {
    words: {
      es: ["rojo", "roja", "rojos", "rojas", "colorado", "colorada", "rojito", "rojita"],
      pt: ["vermelho", "vermelha", "vermelhos", "vermelhas"],
      en: ["red"],
      fr: ["rouge", "rouges"],
      it: ["rosso", "rossa", "rossi", "rosse"],
      ar: ["احمر", "أحمر", "حمراء", "حمرا"],
    },
  },
  blue: {
    words: {
      es: ["azul", "azules", "azulito", "azulita"],
      pt: ["azul", "azuis"],
      en: ["blue"],
      fr: ["bleu", "bleue", "bleus", "bleues"],
      it: ["blu"],
      ar: ["ازرق", "أزرق", "زرقاء", "زرقا"],
    },
  },
  lightblue: {
    implies: ["blue"],
    words: {
      es: ["celeste", "celestes", "azul claro", "azul cielo", "azul bebe"],
      pt: ["azul claro", "azul bebe"],
      en: ["light blue", "baby blue", "sky blue"],
      fr: ["bleu clair", "bleu ciel"],
      it: ["azzurro", "azzurra", "azzurri", "azzurre", "celeste"],
      ar: ["سماوي", "لبني"],
    },
  },
  black: {
    words: {
      es: ["negro", "negra", "negros", "negras", "negrito", "negrita"],
      pt: ["preto", "preta", "pretos", "pretas"],
      en: ["black"],
      fr: ["noir", "noire", "noirs", "noires"],
      it: ["nero", "nera", "neri", "nere"],
      ar: ["اسود", "أسود", "سوداء", "سودا", "السودا"],
    },
  },
  white: {
    words: {
      es: ["blanco", "blanca", "blancos", "blancas", "blanquito", "blanquita"],
      pt: ["branco", "branca", "brancos", "brancas"],
      en: ["white"],
      fr: ["blanc", "blanche", "blancs", "blanches"],
      it: ["bianco", "bianca", "bianchi", "bianche"],
      ar: ["ابيض", "أبيض", "بيضاء", "بيضا"],
    },
  },
  green: {
    words: {
      es: ["verde", "verdes"],
      pt: ["verde", "verdes"],
      en: ["green", "olive"],
      fr: ["vert", "verte", "verts", "vertes", "kaki"],
      it: ["verde", "verdi"],
      ar: ["اخضر", "أخضر", "خضراء", "خضرا"],
    },
  },
  brown: {
    words: {
      es: ["cafe", "cafes", "marron", "marrones", "chocolate", "camel"],
      pt: ["marrom", "marrons", "caramelo"],
      en: ["brown", "camel"],
      fr: ["marron", "camel"],
      it: ["marrone", "marroni", "cammello"],
      ar: ["بني", "بنيه"],
    },
  },
  grey: {
    words: {
      es: ["gris", "grises", "plomo"],
      pt: ["cinza", "cinzas"],
      en: ["grey", "gray"],
      fr: ["gris", "grise", "grises"],
      it: ["grigio", "grigia", "grigi", "grigie"],
      ar: ["رمادي", "رماديه", "رصاصي"],
    },
  },
  pink: {
    words: {
      es: ["rosa", "rosado", "rosada", "rosados", "rosadas", "fucsia"],
      pt: ["rosa", "rosinha"],
      en: ["pink"],
      fr: ["rose", "roses"],
      it: ["rosa"],
      ar: ["وردي", "ورديه", "بمبي", "زهري"],
    },
  },
  yellow: {
    words: {
      es: ["amarillo", "amarilla", "amarillos", "amarillas"],
      pt: ["amarelo", "amarela"],
      en: ["yellow"],
      fr: ["jaune", "jaunes"],
      it: ["giallo", "gialla", "gialli"],
      ar: ["اصفر", "أصفر", "صفراء"],
    },
  },
  gold: {
    words: {
      es: ["dorado", "dorada", "dorados", "doradas", "de oro", "oro"],
      pt: ["dourado", "dourada", "dourados", "douradas", "ouro"],
      en: ["gold", "golden"],
      fr: ["dore", "doree", "dores", "dorees", "en or"],
      it: ["dorato", "dorata", "dorati", "dorate", "oro"],
      ar: ["ذهبي", "ذهبيه", "ذهب"],
    },
  },
  silver: {
    words: {
      es: ["plateado", "plateada", "plateados", "plateadas"],
      pt: ["prateado", "prateada", "prateados", "prateadas", "prata"],
      en: ["silver"],
      fr: ["argente", "argentee", "argentes", "argentees"],
      it: ["argento", "argentato", "argentata", "argentati"],
      ar: ["فضي", "فضيه", "فضه"],
    },
  },
  beige: {
    words: { es: ["beige", "crema", "nude", "hueso"], pt: ["bege", "creme", "nude"], en: ["beige", "cream", "nude"], fr: ["beige", "creme"], it: ["beige", "crema"], ar: ["بيج"] },
  },
  purple: {
    words: { es: ["morado", "morada", "lila", "violeta"], pt: ["roxo", "roxa", "lilas"], en: ["purple", "lilac"], fr: ["violet", "violette", "mauve"], it: ["viola", "lilla"], ar: ["بنفسجي", "موف"] },
  },
  wine: {
    words: {
      es: ["vino", "burdeo", "burdeos", "bordo", "bordó", "borgona", "granate"],
      pt: ["vinho", "bordo", "bordô", "marsala"],
      en: ["wine", "burgundy", "maroon", "oxblood"],
      fr: ["bordeaux", "lie de vin"],
      it: ["bordeaux", "bordo", "vinaccia"],
      ar: ["نبيتي", "عنابي"],
    },
  },
  navy: {
    implies: ["blue"],
    words: {
      es: ["azul marino", "marino"],
      pt: ["azul marinho", "marinho"],
      en: ["navy", "navy blue"],
      fr: ["bleu marine", "marine"],
      it: ["blu navy", "blu scuro"],
      ar: ["كحلي"],
    },
  },
  khaki: {
    implies: ["beige"],
    words: { es: ["caqui", "kaki", "khaki"], pt: ["caqui", "cáqui", "khaki"], en: ["khaki"], fr: ["khaki"], it: ["cachi", "kaki"], ar: ["كاكي"] },
  },
  orange: {
    words: { es: ["naranja", "naranjo", "anaranjado"], pt: ["laranja"], en: ["orange"], fr: ["orange"], it: ["arancione", "arancio"], ar: ["برتقالي"] },
  },
};

export const MATERIALS: Record<string, ConceptSpec> = {
  leather: { words: { es: ["cuero", "piel", "cuerina", "eco cuero"], pt: ["couro"], en: ["leather"], fr: ["cuir"], it: ["pelle", "cuoio"], ar: ["جلد"] } },
  denim: { words: { es: ["mezclilla", "denim"], pt: ["denim"], en: ["denim"], fr: ["denim"], it: ["denim"], ar: ["دنيم"] } },
  wool: { words: { es: ["lana"], en: ["wool", "woolen", "knit"], fr: ["laine"], it: ["lana"], ar: ["صوف"] } },
  linen: { words: { es: ["lino"], pt: ["linho"], en: ["linen"], fr: ["lin"], it: ["lino"], ar: ["كتان"] } },
  cotton: { words: { es: ["algodon"], pt: ["algodao"], en: ["cotton"], fr: ["coton"], it: ["cotone"], ar: ["قطن"] } },
};

export const PATTERNS: Record<string, ConceptSpec> = {
  floral: {
    words: {
      es: ["flores", "floral", "floreado", "floreada", "de flores", "florcitas", "florido", "florida"],
      pt: ["florido", "florida", "floral", "de flores", "flores", "estampa floral"],
      en: ["floral", "flowers", "flowery", "flower"],
      fr: ["fleurs", "a fleurs", "fleuri", "fleurie", "fleuris"],
      it: ["fiori", "a fiori", "floreale", "fiorato", "fiorata"],
      ar: ["ورد", "مورد", "ورود", "وردات"],
    },
  },
  striped: {
    words: { es: ["rayas", "a rayas", "rayado", "rayada"], pt: ["listrado", "listrada", "listras"], en: ["striped", "stripes"], fr: ["rayures", "raye", "rayee"], it: ["righe", "a righe", "rigato"], ar: ["مخطط"] },
  },
};

/** Size letters and words, mapped to one canonical size. "G"/"GG"/"P" are Brazilian. */
export const SIZE_VALUES: Record<string, readonly string[]> = {
  xxs: ["xxs", "2xs"],
  xs: ["xs", "extra small", "extra chica", "pp"],
  s: ["s", "p", "small", "chica", "chico", "pequena", "pequeno", "petit", "petite", "piccola", "piccolo"],
  m: ["m", "medium", "mediana", "mediano", "media", "medio", "moyen", "moyenne"],
  l: ["l", "large", "grande", "grand", "g"],
  xl: ["xl", "extra large", "extra grande", "gg"],
  xxl: ["xxl", "2xl"],
  xxxl: ["xxxl", "3xl"],
};
/** Letters that are only sizes after a size word or in the right language ("P" is not a size in "la P"). */
export const GUARDED_SIZE_LETTERS = new Set(["g", "gg", "p", "chica", "chico", "pequena", "pequeno", "grande", "grand", "petit", "petite", "media", "medio", "moyen", "moyenne", "piccola", "piccolo", "mediana", "mediano"]);
