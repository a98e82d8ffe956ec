import type { PerLang } from "./intent-words";

/**
 * Quantity words. "1" words are articles too often ("una polera") to be evidence of anything, so
 * they only confirm the default. "!" marks a word that is a number in one language only: "dos" is
 * "of the" in Portuguese, "sei" is "I know".
 */
export const NUMBER_WORDS: Record<number, PerLang> = {
  1: { es: ["un", "una", "uno", "unita"], pt: ["um", "uma"], en: ["one", "a single"], fr: ["un", "une"], it: ["uno", "una", "un"], ar: ["واحد", "واحده", "وحده"] },
  2: { es: ["!dos"], pt: ["dois", "duas"], en: ["two", "a couple", "a couple of", "couple of"], fr: ["deux"], it: ["!due"], ar: ["اثنين", "اثنان", "اتنين", "ثنتين", "ثنين", "زوجين", "جوج"] },
  3: { es: ["tres"], pt: ["tres"], en: ["three"], fr: ["trois"], it: ["tre"], ar: ["ثلاث", "ثلاثه", "تلاته", "تلات", "ثلاثة"] },
  4: { es: ["cuatro"], pt: ["quatro"], en: ["four"], fr: ["quatre"], it: ["quattro"], ar: ["اربع", "اربعه", "أربعة"] },
  5: { es: ["cinco"], pt: ["cinco"], en: ["five"], fr: ["cinq"], it: ["cinque"], ar: ["خمس", "خمسه"] },
  6: { es: ["seis", "media docena"], pt: ["seis", "meia duzia"], en: ["six", "half a dozen", "half dozen"], fr: ["six", "une demi douzaine"], it: ["!sei", "mezza dozzina"], ar: ["سته"] },
  7: { es: ["siete"], pt: ["sete"], en: ["seven"], fr: ["sept"], it: ["sette"], ar: ["سبع", "سبعه"] },
  8: { es: ["ocho"], pt: ["oito"], en: ["eight"], fr: ["huit"], it: ["otto"], ar: ["ثمان", "ثمانيه"] },
  9: { es: ["nueve"], pt: ["nove"], en: ["nine"], fr: ["neuf"], it: ["nove"], ar: ["تسع", "تسعه"] },
  10: { es: ["diez"], pt: ["dez"], en: ["ten"], fr: ["dix"], it: ["dieci"], ar: ["عشر", "عشره"] },
  12: { es: ["docena", "una docena"], pt: ["duzia", "uma duzia"], en: ["dozen", "a dozen"], fr: ["douzaine", "une douzaine"], it: ["dozzina", "una dozzina"], ar: ["درزن", "دزينه"] },
};

/** "a pair": one item when the product is sold by the pair, otherwise two. */
export const PAIR_WORDS: PerLang = {
  es: ["un par", "par"],
  pt: ["um par", "par"],
  en: ["a pair", "a pair of", "pair"],
  fr: ["une paire", "une paire de", "paire"],
  it: ["un paio", "un paio di", "paio"],
  ar: ["زوج"],
};
