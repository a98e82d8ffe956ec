import type { PerLang } from "./intent-words";

/**
 * Function words and live-chat filler. They never name a product, so typo matching skips them
 * ("falta" must not become "falda"), and they are the main evidence for language detection.
 */
export const STOPWORDS: PerLang = {
  es: [
    "el", "la", "los", "las", "lo", "le", "les", "un", "una", "unos", "unas", "de", "del", "al", "a", "y", "o", "u",
    "que", "q", "en", "con", "por", "para", "pa", "mi", "mis", "tu", "tus", "su", "sus", "me", "te", "se", "nos",
    "es", "son", "esta", "estan", "este", "esto", "ese", "esa", "eso", "esos", "esas", "estas", "estos", "aqui",
    "ahi", "alla", "muy", "bien", "mal", "si", "tambien", "solo", "como", "cuando", "quien", "porque", "pues",
    "entonces", "ahora", "ahorita", "hoy", "manana", "despues", "luego", "tengo", "tiene", "tienes", "hay", "fue",
    "era", "ser", "estar", "hacer", "puedo", "puede", "ya", "aun", "todavia", "otro", "otra", "otros", "mismo",
    "misma", "cada", "algo", "nada", "alguien", "nadie", "ustedes", "usted", "vos", "ella", "ellas", "el", "ellos",
    "nosotras", "nosotros", "sobre", "sin", "hasta", "desde", "entre", "hacia", "segun", "tan", "tanto", "mucho",
    "mucha", "poco", "poca", "ntp", "jaja", "wey", "guey", "mija", "mijo", "senora", "senor", "reina", "bella",
    "linda", "porfavor", "igual", "cosas", "cosa", "ver", "favor", "ok", "oka", "dale",
    "listo", "sale", "vale", "falta", "faltan", "ropa", "cuerpo", "gorda", "gordo", "gordi", "pollo", "foto", "fotos", "video", "vivo", "link", "color", "colores", "colorcito", "talla", "modelo", "tono", "oye", "oigan", "bueno", "claro", "ese", "ojo", "amigo", "chica", "chicos", "mama",
  ],
  pt: [
    "o", "a", "os", "as", "um", "uma", "uns", "umas", "de", "do", "da", "dos", "das", "no", "na", "nos", "nas",
    "em", "e", "ou", "que", "com", "por", "pra", "pro", "para", "meu", "minha", "meus", "minhas", "seu", "sua",
    "voce", "voces", "vc", "vcs", "ele", "ela", "eles", "elas", "isso", "isto", "esse", "essa", "esses", "essas",
    "este", "esta", "aqui", "ai", "la", "muito", "muita", "bem", "so", "tambem", "mas", "mais", "como", "quando",
    "porque", "entao", "agora", "hoje", "amanha", "depois", "tenho", "tem", "ter", "ta", "to", "tô", "estou",
    "sou", "ser", "fazer", "posso", "pode", "ja", "ainda", "outro", "outra", "mesmo", "mesma", "cada", "algo",
    "nada", "alguem", "ninguem", "sem", "ate", "desde", "entre", "sobre", "tudo", "gente", "moça", "moca",
    "amiga", "menina", "meninas", "linda", "ne", "né", "cor", "cores", "modelo", "nossa", "obg", "vou", "quer", "querer", "apertei",
  ],
  en: [
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "from", "with", "and", "or", "but", "is", "are", "was",
    "be", "been", "it", "its", "this", "that", "these", "those", "i", "you", "he", "she", "we", "they", "my",
    "your", "his", "her", "our", "their", "me", "him", "us", "them", "do", "does", "did", "have", "has", "had",
    "can", "could", "will", "would", "should", "just", "so", "too", "very", "really", "please", "pls", "yes",
    "yeah", "ok", "okay", "one", "some", "any", "all", "also", "still", "now", "here", "there", "what", "which",
    "who", "how", "when", "where", "why", "if", "then", "than", "up", "out", "about", "into", "over", "ll", "m",
    "s", "t", "d", "re", "ve", "im", "u", "ur", "y", "at", "get", "got", "go", "come", "on", "girl",
    "guys", "everyone", "everybody", "tea", "best", "back", "show", "shows", "gonna", "good", "bold", "located", "list", "your", "lol", "haha", "omg", "color", "colour", "colors", "one", "ones",
  ],
  fr: [
    "le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "ou", "a", "au", "aux", "en", "dans",
    "pour", "par", "avec", "sur", "sous", "je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles",
    "me", "m", "te", "t", "se", "s", "ce", "c", "cet", "cette", "ces", "mon", "ma", "mes", "ton", "ta", "tes",
    "son", "sa", "ses", "notre", "votre", "vos", "qui", "que", "qu", "quoi", "est", "sont", "suis", "es", "etre",
    "ai", "as", "avez", "avoir", "fait", "faire", "tres", "trop", "bien", "aussi", "encore", "deja", "tout",
    "monde", "y", "si", "oui", "non", "svp", "stp", "merci", "moi", "toi", "lui", "ca", "ici", "la", "plutot", "couleur", "couleurs", "modele",
  ],
  it: [
    "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "di", "del", "della", "dei", "degli", "delle", "a",
    "al", "alla", "ai", "agli", "alle", "da", "dal", "dalla", "in", "nel", "nella", "con", "su", "per", "tra",
    "fra", "e", "ed", "o", "che", "chi", "io", "tu", "lui", "lei", "noi", "voi", "loro", "mi", "ti", "ci", "vi",
    "si", "ne", "mio", "mia", "tuo", "tua", "suo", "sua", "questo", "questa", "quello", "quella", "sono", "sei",
    "siamo", "siete", "ho", "hai", "ha", "abbiamo", "avete", "hanno", "molto", "tanto", "anche", "ancora", "gia",
    "piu", "poi", "ora", "adesso", "oggi", "domani", "ma", "se", "come", "dove", "quando", "perche", "tutte",
    "ragazze", "ragazzi", "amiche", "grazie", "favore", "ecco", "colore", "colori", "modello",
  ],
  ar: [
    "في", "من", "على", "الى", "إلى", "عن", "مع", "هذا", "هذه", "هذي", "ذلك", "تلك", "انا", "انت", "انتي",
    "هو", "هي", "نحن", "هم", "و", "او", "ثم", "يا", "لو", "اللي", "الي", "كان", "يكون", "عندي", "عندك",
    "كثير", "جدا", "مره", "والله", "الله", "ان", "إن", "لقد", "قد", "كل", "بنات", "حبيبتي", "اختي", "يعني",
  ],
};
