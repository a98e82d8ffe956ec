import type { Language } from "../types";

/**
 * Words and phrases that carry intent, per language, written as buyers write them (accents and
 * apostrophes are folded when the lexicon is compiled, so "apártame" also matches "apartame").
 * Prefixes change how an entry counts:
 *   "!" strict — only counts when the comment is detected in that language ("no" is "in the" in pt)
 *   "=" alone  — only counts when it is the whole clause (English "me!" versus Spanish "me")
 *   "#" idiom  — also hides the words inside it from other readings ("al verde" is not a colour)
 */
export type PerLang = Partial<Record<Language, readonly string[]>>;

export type SignalKind =
  | "buy" | "claim" | "polite" | "howto" | "know"
  | "question" | "ask" | "soldOut"
  | "greeting"
  | "cancel" | "more" | "negation" | "unsure"
  | "optout" | "stopWord" | "stopVerb" | "message" | "contact" | "eraseVerb" | "data"
  | "hypothetical" | "broke" | "money" | "everything" | "praise" | "thanks" | "attention"
  | "conj" | "sizeWord" | "sizePrep" | "ageUnit" | "price" | "time" | "unit" | "pairUnit" | "filler";

const spanishEnclitics = (stems: string[]): string[] =>
  stems.flatMap((s) =>
    ["a", "ame", "amela", "amelo", "amelas", "amelos", "alo", "ala", "alos", "alas", "as", "an", "en", "enme",
      "enmela", "enmelo", "e", "eme", "emela", "emelo", "adme", "admela", "admelo"].map((x) => s + x),
  );

export const INTENT_WORDS: Record<SignalKind, PerLang> = {
  buy: {
    es: [
      "quiero", "kiero", "qiero", "kero", "qero", "quero", "quiiero", "queremos", "lo quiero", "la quiero",
      "necesito", "ocupo", "me lo llevo", "me la llevo", "me los llevo", "me las llevo", "me llevo", "llevo",
      "lo llevo", "la llevo", "compro", "lo compro", "la compro", "me lo compro", "me la compro", "comprare",
      "me lo quedo", "me la quedo", "me los quedo", "me las quedo", "me quedo con", "me pido", "pido",
      ...spanishEnclitics(["separ", "apart", "reserv", "guard"]),
      // Chilean voseo: "me la guardai?", "me lo separai?"
      "guardai", "me la guardai", "me lo guardai", "separai", "me la separai", "me lo separai", "apartai", "reservai",
      "me anoto", "anotame", "anoteme", "me apunto", "apuntame", "apunteme", "apuntadme",
      "dame", "damelo", "damela", "deme", "demela", "denme", "pasame", "pasamela", "pasamelo", "paseme",
      "regalame", "regaleme", "regala", "regalas", "me regala", "me regalas", "mandame", "mandamela",
      "mandame el link", "vendeme", "vendemela", "me interesa", "yo voy", "me das", "me da", "me dan", "me puedes dar", "me puede dar",
    ],
    pt: [
      "quero", "eu quero", "qro", "queru", "quero comprar", "vou levar", "levo", "vou querer", "vou comprar",
      "compro", "fico com", "fico", "separa", "separa pra mim", "separa para mim", "reserva", "reserva pra mim",
      "guarda pra mim", "me ve", "me da", "me manda", "manda o link", "pode separar", "pode reservar",
      "preciso", "vou de",
    ],
    en: [
      "i want", "want", "wanna", "i need", "need", "i ll take", "ill take", "i will take", "i take", "take it",
      "i ll buy", "i will buy", "buying", "gimme", "give me", "can i get", "can i have", "could i get",
      "could i have", "may i have", "i ll have", "ordering", "i ll order", "add me", "hold it", "hold for me",
      "hold one", "hold", "can you hold", "could you hold", "save me", "save it", "can you save", "reserve", "claim", "claimed", "take my money", "count me in",
      "put me down", "i m in", "send me the link", "i ll get",
    ],
    fr: [
      "je veux", "veux", "je prends", "prends", "je le prends", "je la prends", "je les prends", "je l achete",
      "j achete", "achete", "je commande", "reservez moi", "reserve moi", "reservez", "mettez moi",
      "gardez moi", "garde moi", "donnez moi", "je la veux", "je le veux", "je les veux", "je l ai",
    ],
    it: [
      "voglio", "lo voglio", "la voglio", "li voglio", "le voglio", "prendo", "lo prendo", "la prendo",
      "li prendo", "le prendo", "ne prendo", "compro", "lo compro", "prenoto", "tienimi", "tienila",
      "tenetemi", "riservami", "mettimi", "dammi", "mandami", "ne voglio", "tieni da parte", "tienimi da parte", "mettimi da parte", "tenetemi da parte", "mi tieni",
    ],
    ar: [
      "أريد", "اريد", "أريده", "اريده", "اريدها", "ابي", "أبي", "ابيه", "ابيها", "ابغى", "أبغى", "ابغاه",
      "ابغاها", "ابغي", "ابغا", "بدي", "بدي اياه", "عايز", "عايزه", "عايزة", "عاوز", "عاوزه", "عاوزة", "حابب",
      "حابه", "حابة", "نبي", "نبغى", "احجز", "احجزي", "احجزوا", "احجزلي", "احجزيلي", "خذ", "باخذ", "بآخذ",
      "آخذ", "اخذ", "ساخذ", "سآخذ", "اشتري", "بشتري", "اطلب", "عطني", "اعطني", "اعطيني", "ابعتلي",
      // Maghrebi (darija): "I want", "give me", "I'll buy".
      "بغيت", "بغيتها", "بغيته", "نبغي", "نبغيها", "عطيني", "نشري", "نشريها", "نشريه",
    ],
  },
  claim: {
    es: ["yo", "yo tambien", "mio", "mia", "mios", "mias", "para mi", "pa mi", "vendido", "vendida", "lo mio"],
    pt: ["eu", "eu tambem", "minha", "meu", "e minha", "e meu", "pra mim", "para mim"],
    en: ["sold", "mine", "=me", "=me too", "=me please", "for me", "me me", "dibs"],
    fr: ["moi", "a moi", "pour moi", "c est pour moi", "moi aussi"],
    it: ["io", "mio", "mia", "per me", "anche io"],
    ar: ["انا", "لي", "الي", "حقي", "لي انا"],
  },
  polite: {
    es: ["quisiera", "me gustaria", "queria", "quería"],
    pt: ["gostaria", "queria"],
    en: ["i d like", "id like", "i would like", "i would love", "i d love"],
    fr: ["je voudrais", "voudrais", "j aimerais", "j aimerai"],
    it: ["vorrei", "mi piacerebbe"],
    ar: ["ودي", "اود", "ابغى اطلب"],
  },
  howto: {
    es: [
      "como lo compro", "como la compro", "como compro", "como hago para comprar", "como hago pa comprar",
      "como pago", "como lo pago", "como la pago", "donde pago", "como le hago", "como se compra", "donde compro",
    ],
    pt: ["como faco pra comprar", "como faco para comprar", "como compro", "como pago", "como faz pra comprar", "como faz pra pagar"],
    en: ["how do i buy", "how can i buy", "how do i order", "how to buy", "how do i pay", "how can i pay", "how to order"],
    fr: ["comment acheter", "comment commander", "comment je paie", "comment payer", "comment on achete"],
    it: ["come compro", "come faccio ad acquistare", "come faccio a comprare", "come si compra", "come pago"],
    ar: ["كيف اشتري", "كيف اطلب", "كيف ادفع", "كيف الطلب"],
  },
  know: {
    es: ["saber", "ver", "info", "informacion", "mas info", "preguntar"],
    pt: ["saber", "ver", "info", "informacao", "perguntar"],
    en: ["to know", "know", "to see", "info", "to ask", "more info"],
    fr: ["savoir", "voir", "info", "infos", "demander"],
    it: ["sapere", "vedere", "info", "chiedere"],
    ar: ["اعرف", "أعرف", "اسال", "اسأل", "معلومات"],
  },
  question: {
    es: [
      "precio", "precios", "cuanto", "cuanto cuesta", "cuanto sale", "cuanto vale", "cuanto esta", "a cuanto",
      "que precio", "costo", "envio", "envios", "delivery", "despacho", "despachos", "formas de pago",
      "medios de pago", "aceptan", "disponible", "disponibles", "stock", "tallas", "talles", "colores",
      "donde", "cual", "cuales", "info", "informacion",
    ],
    pt: [
      "preco", "precos", "quanto", "quanto custa", "quanto e", "qual o preco", "qual o valor", "valor", "frete",
      "entrega", "faz entrega", "entregam", "aceita", "aceitam", "disponivel", "tamanhos", "cores", "onde",
      "quando", "qual", "ainda tem",
    ],
    en: [
      "price", "prices", "how much", "how many", "cost", "shipping", "ship", "deliver", "delivery", "available",
      "availability", "in stock", "sizes", "colors", "colours", "still have", "what size", "what sizes",
      "do you have", "is there", "are there", "do you ship",
    ],
    fr: [
      "prix", "combien", "c est combien", "quel est", "quel", "quelle", "quels", "quelles", "livraison",
      "livrez", "livrer", "reste", "il reste", "dispo", "disponible", "tailles", "couleurs", "ou est",
    ],
    it: [
      "prezzo", "prezzi", "quanto", "quanto costa", "quanto costano", "costa", "costano", "spedizione",
      "spedite", "spedizioni", "disponibile", "disponibili", "taglie", "colori", "dove", "quale",
      "ce l avete", "c e ancora",
    ],
    ar: [
      "بكم", "كم", "سعر", "سعره", "سعرها", "كم سعر", "هل", "يوجد", "متوفر", "متوفره", "متوفرة", "موجود",
      "تشحنون", "شحن", "توصيل", "توصلون", "وين", "متى", "ايش", "شو", "المقاسات", "مقاسات",
    ],
  },
  ask: {
    es: ["hay", "tienen", "tiene", "tienes", "tenes", "hacen", "haceis", "viene", "vienen", "sigue", "siguen", "queda", "quedan", "cuando", "que"],
    pt: ["tem", "voces tem", "vem", "faz", "ainda"],
    en: ["do you", "does", "is", "are", "is it", "can you", "any", "where", "when", "which", "what"],
    fr: ["vous avez", "avez vous", "avez", "est ce", "est ce que", "c est", "il y a"],
    it: ["c e", "avete", "ci sono", "ce", "ancora"],
    ar: ["في", "فيه", "عندكم"],
  },
  soldOut: {
    en: ["#sold out", "#still available"],
    es: ["#agotado", "#agotada"],
    pt: ["#esgotado", "#esgotada"],
    fr: ["#epuise"],
    it: ["#esaurito"],
  },
  greeting: {
    es: [
      "hola", "holi", "holis", "holiii", "ola", "buenas", "buenos dias", "buenas tardes", "buenas noches", "buen dia",
      "saludos", "saludos desde", "que tal", "wena", "wenas", "wenaa", "como estan", "como estas", "alo", "hey",
    ],
    pt: ["oi", "oie", "oii", "ola", "boa noite", "boa tarde", "bom dia", "e ai", "tudo bem", "salve"],
    en: ["hi", "hello", "hey", "hiya", "good morning", "good evening", "good night", "good afternoon", "howdy", "greetings", "hey girl", "hey y all"],
    fr: ["bonjour", "bonsoir", "coucou", "salut", "bonne soiree", "bonne journee"],
    it: ["ciao", "buonasera", "buongiorno", "buon pomeriggio", "salve", "buona serata"],
    ar: ["السلام عليكم", "سلام", "مرحبا", "مرحبتين", "اهلا", "أهلا", "هلا", "هلا والله", "مساء الخير", "صباح الخير", "مساء النور", "صباح النور", "هاي"],
  },
  cancel: {
    es: [
      "cancelar", "cancela", "cancelen", "cancelo", "cancele", "cancelalo", "cancelala", "cancelame", "cancelenlo",
      "cancelado", "cancelacion", "anular", "anula", "anulen", "anulalo", "anuladlo", "anulado", "anulo",
      "me arrepenti", "mejor no", "desisto", "ya no lo quiero", "ya no la quiero", "no lo voy a llevar",
      "no me lo voy a llevar", "no voy a comprar",
    ],
    pt: ["cancelar", "cancela", "cancele", "cancelem", "cancelo", "cancelado", "desisti", "desisto", "deixa pra la", "nao quero mais"],
    en: ["cancel", "cancelled", "canceled", "canceling", "cancelling", "nevermind", "never mind", "changed my mind", "change of mind", "no longer"],
    fr: ["annuler", "annule", "annulez", "j annule", "je ne veux plus", "laisse tomber"],
    it: ["annulla", "annullare", "annullate", "annullo", "cancella", "cancellate", "cancellare", "lascia perdere"],
    ar: ["الغاء", "إلغاء", "الغي", "ألغي", "الغيه", "الغوا", "كنسل", "غيرت رايي", "مابي", "مابغى", "ماابي"],
  },
  more: {
    es: ["ya", "mas", "nunca mas", "ya no"],
    pt: ["mais", "ja nao"],
    en: ["anymore", "any more", "no longer", "nevermind", "never mind"],
    fr: ["plus"],
    it: ["piu"],
    ar: ["خلاص"],
  },
  negation: {
    es: ["!no", "ni", "nunca", "tampoco", "!nop"],
    pt: ["nao", "nem", "nunca"],
    en: ["not", "don t", "dont", "do not", "didn t", "doesn t", "never", "!no", "won t"],
    fr: ["!ne", "!n", "pas", "jamais"],
    it: ["non", "mai", "!no"],
    ar: ["لا", "ما", "مو", "مش", "مب", "ليس", "لن", "مابي", "مابغى", "ماابي"],
  },
  unsure: {
    es: ["#no se", "#no se si", "#ni idea", "#no estoy segura", "#no estoy seguro"],
    pt: ["#nao sei", "#sei la"],
    en: ["#i don t know", "#idk", "#not sure"],
    fr: ["#je sais pas", "#je ne sais pas"],
    it: ["#non so", "#boh"],
    ar: ["#ما ادري", "#مش عارف", "#مش عارفه"],
  },
  optout: {
    es: [
      "darme de baja", "dame de baja", "dadme de baja", "denme de baja", "de baja", "desuscribir", "desuscribirme",
      "no quiero recibir", "no mas mensajes", "dejen de molestar", "dejenme en paz",
    ],
    pt: ["descadastrar", "me descadastra", "sair da lista", "nao quero receber", "me tira da lista"],
    en: ["unsubscribe", "opt out", "optout", "remove me", "take me off", "leave me alone"],
    fr: ["desabonner", "me desabonner", "desinscrire", "desinscrivez moi", "desabonnez moi"],
    it: ["disiscrivimi", "disiscrivere", "cancellami", "toglietemi", "toglimi"],
    ar: ["الغاء الاشتراك", "إلغاء الاشتراك", "لا اريد رسائل"],
  },
  stopWord: {
    es: ["stop", "para", "parar", "basta"],
    pt: ["stop", "parar", "pare", "para", "chega"],
    en: ["stop", "unsub"],
    fr: ["stop", "arreter", "arrete", "arretez"],
    it: ["stop", "basta", "fermati", "smettila"],
    ar: ["توقف", "ايقاف", "إيقاف", "قف", "وقف", "ستوب"],
  },
  stopVerb: {
    es: ["dejen de", "deja de", "dejar de", "para de", "paren de", "basta de", "stop"],
    pt: ["parem de", "pare de", "para de", "chega de", "stop"],
    en: ["stop", "quit", "no more"],
    fr: ["arrete de", "arretez de", "stop", "plus de"],
    it: ["smettete di", "smetti di", "basta", "stop"],
    ar: ["توقف عن", "توقفوا", "وقف", "بطلوا", "ايقاف"],
  },
  message: {
    es: ["mensajes", "mensaje", "msj", "mensajitos", "notificaciones", "notificacion", "spam", "correos"],
    pt: ["mensagens", "mensagem", "notificacoes", "spam"],
    en: ["messages", "message", "notifications", "texts", "dms", "spam", "emails"],
    fr: ["messages", "message", "notifications", "spam"],
    it: ["messaggi", "messaggio", "notifiche", "spam"],
    ar: ["رسائل", "الرسائل", "رسايل", "رساله", "اشعارات", "سبام"],
  },
  contact: {
    es: ["escriban", "escribirme", "escribas", "escriba", "manden", "mandarme", "mandes", "envien", "enviarme", "molesten", "contacten", "escribiendome"],
    pt: ["mandem", "mande", "enviem", "escrevam", "receber", "mandar mensagem"],
    en: ["messaging", "message me", "text me", "texting", "contact me", "write me", "sending", "spamming", "sending me"],
    fr: ["envoyez", "envoyer", "ecrivez", "ecrire", "contactez", "m envoyez", "m ecrivez"],
    it: ["scrivetemi", "scrivere", "scrivermi", "mandate", "mandatemi", "inviate", "contattatemi"],
    ar: ["ترسلوا", "ترسلون", "ترسل", "ارسال", "تراسلوني", "تكتبوا", "تبعتوا", "ترسلو"],
  },
  eraseVerb: {
    es: ["eliminar", "elimina", "eliminen", "eliminad", "elimine", "borrar", "borra", "borren", "borrad", "borre", "quiten", "borrados", "borradas", "eliminados", "eliminadas", "borrada", "eliminada"],
    pt: ["apagar", "apague", "apaguem", "apaga", "excluir", "exclua", "excluam", "exclui", "deletar", "remover", "removam", "apagados", "excluidos", "deletados"],
    en: ["delete", "erase", "remove", "wipe", "forget", "deleted", "erased", "removed"],
    fr: ["supprimer", "supprimez", "supprime", "effacer", "effacez", "efface", "retirer", "supprimees", "effacees"],
    it: ["cancellare", "cancellate", "cancella", "eliminare", "eliminate", "elimina", "rimuovere", "rimuovete", "cancellati", "eliminati"],
    ar: ["احذف", "احذفوا", "حذف", "امسح", "امسحوا", "مسح", "ازاله", "شيلوا"],
  },
  data: {
    es: ["datos", "mis datos", "informacion personal", "mi informacion", "mi cuenta", "mi numero"],
    pt: ["dados", "meus dados", "informacoes", "meu cadastro", "minha conta"],
    en: ["data", "my data", "info", "my info", "information", "details", "my account", "personal information"],
    fr: ["donnees", "mes donnees", "informations", "mon compte"],
    it: ["dati", "miei dati", "informazioni", "account"],
    ar: ["بيانات", "بياناتي", "معلوماتي", "حسابي", "البيانات"],
  },
  hypothetical: {
    es: [
      "#ojala", "#si tuviera", "#si tuvieras", "#si me tocara", "#si me gano", "#ya quisiera", "#quien pudiera",
      "#en otra vida", "#compraria", "#me compraria", "#llevaria", "#cuando me paguen", "#algun dia",
    ],
    pt: ["#quem me dera", "#se eu tivesse", "#se tivesse", "#compraria", "#um dia", "#quando eu ficar rica"],
    en: ["#i wish", "#if only", "#if i had", "#i would if", "#would buy", "#someday", "#one day", "#in another life", "#wish i could"],
    fr: ["#si seulement", "#si j avais", "#acheterais", "#un jour"],
    it: ["#magari", "#se avessi", "#se solo", "#comprerei", "#un giorno"],
    ar: ["#ياريت", "#يا ريت", "#لو عندي", "#لو كان", "#اتمنى", "#يا ليت", "#ليت"],
  },
  broke: {
    es: [
      "#no tengo plata", "#no tengo dinero", "#no tengo lucas", "#sin plata", "#sin dinero", "#sin un peso",
      "#sin lucas", "#estoy pobre", "#en la lona", "#estoy pato", "#quebrada", "#quebrado", "#no me alcanza",
      "#ando sin", "#ando pobre", "#estoy misio", "#estoy misia",
    ],
    pt: ["#sem dinheiro", "#sem grana", "#to pobre", "#estou pobre", "#to lisa", "#to liso", "#to sem", "#to dura", "#falida"],
    en: ["#broke", "#no money", "#i m broke", "#im broke", "#can t afford", "#cant afford", "#poor"],
    fr: ["#fauche", "#fauchee", "#pas d argent", "#pas de sous", "#pas les sous", "#pas les moyens"],
    it: ["#al verde", "#senza soldi", "#non ho soldi", "#sono povera", "#squattrinata", "#squattrinato"],
    ar: ["#ما عندي فلوس", "#مافي فلوس", "#طفران", "#طفرانه", "#مفلس", "#مفلسه", "#ما معي"],
  },
  money: {
    es: ["plata", "dinero", "lucas", "guita", "billete", "pisto", "lana de", "money"],
    pt: ["dinheiro", "grana"],
    en: ["money", "cash"],
    fr: ["argent", "sous", "thune"],
    it: ["soldi"],
    ar: ["فلوس", "مصاري", "الفلوس"],
  },
  everything: {
    es: ["todo", "toda", "todos", "todas", "toditito"],
    pt: ["tudo", "todos", "todas"],
    en: ["everything", "all of it", "all of them", "the whole"],
    fr: ["tout", "toutes", "tous"],
    it: ["tutto", "tutti", "tutte"],
    ar: ["كل شي", "كلشي", "الكل", "كل شيء", "كله"],
  },
  praise: {
    es: [
      "lindo", "linda", "lindos", "lindas", "hermoso", "hermosa", "hermosos", "precioso", "preciosa", "bonito",
      "bonita", "divino", "divina", "lindisimo", "lindisima", "lindisimos", "lindisimas", "hermosisimo", "hermosisima",
      "bellisimo", "bellisima", "preciosisimo", "preciosisima", "divinisimo", "divinisima", "bello", "bella", "chimba", "que chimba", "monada", "que monada", "guay",
      "que guay", "espectacular", "me encanta", "encanta", "me encantan", "me gusta", "me gustan", "bacan",
      "bacano", "chevere", "genial", "increible", "regio", "guapa", "guapo", "hermosura", "belleza", "#buen precio",
      "#buenos precios", "#que buen precio",
    ],
    pt: [
      "lindo", "linda", "lindos", "lindas", "maravilhoso", "maravilhosa", "adorei", "amei", "perfeito", "perfeita",
      "nossa", "demais", "top", "#que preco bom", "#preco bom", "#bom preco",
    ],
    en: [
      "pretty", "beautiful", "gorgeous", "cute", "love", "love it", "lovely", "amazing", "nice", "stunning", "omg",
      "wow", "so cute", "obsessed", "#good price", "#great price",
    ],
    fr: ["belle", "beau", "magnifique", "trop belle", "joli", "jolie", "superbe", "j adore", "adore", "canon", "#bon prix"],
    it: ["bello", "bella", "bellissimo", "bellissima", "stupendo", "stupenda", "che bello", "carino", "carina", "adoro", "meraviglioso", "#buon prezzo"],
    ar: ["جميل", "جميله", "حلو", "حلوه", "روعه", "#ما شاء الله", "#ماشاء الله", "رهيب", "يجنن", "تجنن", "واو"],
  },
  attention: {
    es: ["mira", "miren", "mire", "vean", "mira esta", "mira este", "fijate"],
    pt: ["olha", "olhem", "olha essa", "olha esse"],
    en: ["look at", "look at this", "check this", "check out"],
    fr: ["regarde", "regardez"],
    it: ["guarda", "guardate"],
    ar: ["شوفي", "شوف", "شوفوا"],
  },
  thanks: {
    es: ["gracias", "muchas gracias", "grax"],
    pt: ["obrigado", "obrigada", "valeu"],
    en: ["thanks", "thank you", "thx", "ty"],
    fr: ["merci"],
    it: ["grazie"],
    ar: ["شكرا", "مشكور", "مشكوره", "يعطيك العافيه"],
  },
  conj: {
    es: ["pero", "sino", "aunque"],
    pt: ["!mas", "porem"],
    en: ["but", "though"],
    fr: ["!mais", "sinon"],
    it: ["!ma", "pero"],
    ar: ["لكن", "بس"],
  },
  sizeWord: {
    es: ["talla", "talle", "numero", "nro", "n"],
    pt: ["tamanho", "tam", "numero"],
    en: ["size", "sz"],
    fr: ["taille", "pointure"],
    it: ["taglia", "numero"],
    ar: ["مقاس", "المقاس", "قياس"],
  },
  sizePrep: {
    es: ["en", "de", "del"],
    pt: ["no", "na", "em"],
    en: ["in"],
    fr: ["en"],
    it: ["in"],
    ar: ["من"],
  },
  // After a number, a child's age or months: "pijama de 4 años", "2 añitos", "6 meses" — a size, never a count.
  ageUnit: {
    es: ["años", "año", "añitos", "añito", "anitos", "anito", "meses", "mesecitos"],
    pt: ["anos", "ano", "aninhos", "meses"],
    en: ["years", "year", "yrs", "yr", "months"],
    fr: ["ans", "mois"],
    it: ["anni", "anno", "mesi"],
    ar: ["سنوات", "سنين", "سنة", "سنه", "شهور", "اشهر"],
  },
  price: {
    es: ["mil", "lucas", "luca", "pesos", "peso", "soles", "lukas", "dolares", "euros", "k"],
    pt: ["reais", "real", "conto", "contos"],
    en: ["dollars", "dollar", "usd", "bucks", "euros"],
    fr: ["euros", "euro", "balles"],
    it: ["euro"],
    ar: ["ريال", "درهم", "جنيه", "دينار", "ريالات"],
  },
  time: {
    es: ["horas", "hrs", "hs", "minutos", "min"],
    pt: ["horas", "minutos"],
    en: ["pm", "am", "hours", "mins", "minutes", "h"],
    fr: ["heures", "h"],
    it: ["ore", "minuti"],
    ar: ["ساعه", "دقيقه"],
  },
  unit: {
    es: ["unidades", "unidad", "und", "uds", "u", "pzs", "piezas", "pieza", "pcs"],
    pt: ["unidades", "unidade", "pecas", "peca", "pcs"],
    en: ["pcs", "pieces", "piece", "units", "unit", "of them"],
    fr: ["unites", "unite", "pieces", "exemplaires"],
    it: ["pezzi", "pezzo", "unita"],
    ar: ["قطع", "قطعه", "حبات", "حبه"],
  },
  pairUnit: {
    es: ["pares", "par de", "pares de"],
    pt: ["pares", "pares de"],
    en: ["pairs", "pairs of"],
    fr: ["paires", "paires de"],
    it: ["paia", "paia di"],
    ar: ["ازواج"],
  },
  filler: {
    es: ["porfa", "porfis", "por favor", "plis", "pls", "xfa", "xfavor", "amiga", "amigas", "chicas", "causa", "che", "uy", "ay", "re", "altiro", "al tiro", "po", "pos"],
    pt: ["por favor", "pfv", "pf", "gente", "amiga", "meninas"],
    en: ["please", "pls", "plz", "girl", "guys", "y all"],
    fr: ["svp", "s il vous plait", "stp", "les filles"],
    it: ["per favore", "grazie", "ragazze", "raga"],
    ar: ["لو سمحت", "لو سمحتي", "من فضلك", "بليز"],
  },
};
