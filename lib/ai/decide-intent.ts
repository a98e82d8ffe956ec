import type { Intent } from "./types";
import type { CommentReading } from "./read-comment";
import type { LexiconHit } from "./lexicon/match-lexicon";
import type { EntryKind } from "./lexicon/compile-lexicon";

type BuyEvidence = "verb" | "polite" | "howto" | "claim" | "sku" | "product" | "code";

export interface IntentDecision {
  intent: Intent;
  /** Confidence in the intent alone; BUY is adjusted later by how well the product is known. */
  confidence: number;
  buyEvidence: BuyEvidence | null;
  erase: boolean;
  buySignal: boolean;
  /** Which product mentions count: a BUY ignores what the buyer just said they do not want. */
  productScope: "positive" | "all";
  reason: string[];
}

const BUY_KINDS = new Set<EntryKind>(["buy", "polite", "howto"]);
const NEGATION_AFTER = new Set(["pas", "jamais"]);

const quote = (h: LexiconHit) => `"${h.phrase.tokens.join(" ")}"`;

export function decideIntent(reading: CommentReading): IntentDecision {
  const { hits, clauseOf, tokens } = reading;
  const of = (kind: EntryKind) => hits.filter((h) => h.entry.kind === kind);
  const has = (kind: EntryKind) => hits.some((h) => h.entry.kind === kind);
  const negations = of("negation");

  const isNegated = (h: LexiconHit) =>
    negations.some(
      (n) =>
        n !== h &&
        // A negation inside the phrase itself ("no longer", "ya no lo quiero") is part of its meaning.
        !(n.start >= h.start && n.end <= h.end) &&
        clauseOf[n.start] === clauseOf[h.start] &&
        ((n.start <= h.start && h.start - n.end <= 3) ||
          (n.start >= h.end && n.start - h.end <= 2 && NEGATION_AFTER.has(n.phrase.tokens[0]))),
    );
  const nearAfter = (h: LexiconHit, kinds: EntryKind[], span: number) =>
    hits.some((o) => kinds.includes(o.entry.kind) && o.start >= h.end && o.start - h.end < span && clauseOf[o.start] === clauseOf[h.start]);

  const clauseWords = (c: number) =>
    tokens.filter((t, i) => clauseOf[i] === c && t.kind !== "punct" && !hits.some((h) => h.start <= i && h.end > i && h.entry.kind === "filler")).length;
  const productInClause = (c: number) => reading.features.some((f) => f.clause === c) || reading.skus.some((s) => s.clause === c) || reading.codeGroups.some((g) => clauseOf[g.start] === c);
  const hasProduct = reading.features.length > 0 || reading.skus.length > 0 || reading.codeGroups.length > 0;

  const firstWord = tokens.findIndex((t) => t.kind !== "punct");
  const buyHits = hits.filter((h) => BUY_KINDS.has(h.entry.kind));
  const negatedWants = buyHits.filter((h) => h.entry.kind === "buy" && isNegated(h));
  const askingToKnow = buyHits.filter((h) => !isNegated(h) && nearAfter(h, ["know"], 2));
  const positiveBuys = buyHits.filter((h) => !isNegated(h) && !askingToKnow.includes(h));
  const claims = of("claim").filter((h) => {
    if (isNegated(h)) return false;
    const words = clauseWords(clauseOf[h.start]);
    if (h.entry.alone) return words === h.end - h.start;
    return words <= 3 || productInClause(clauseOf[h.start]);
  });
  const buySignal = buyHits.length > 0 || claims.length > 0 || hasProduct || reading.emoji.claim;
  const base = { erase: false, buySignal, productScope: "all" as const };

  // Opting out outranks everything: a buyer who says STOP must never get another message.
  const eraseVerb = of("eraseVerb")[0];
  const data = of("data")[0];
  if (eraseVerb && data) {
    return { ...base, intent: "OPT_OUT", confidence: 0.97, buyEvidence: null, erase: true, reason: [`erase ${quote(eraseVerb)} + ${quote(data)}`] };
  }
  const optout = of("optout")[0];
  if (optout) return { ...base, intent: "OPT_OUT", confidence: 0.95, buyEvidence: null, reason: [`opt-out ${quote(optout)}`] };
  const contactAfter = (h: LexiconHit, kinds: EntryKind[]) =>
    hits.some((o) => kinds.includes(o.entry.kind) && o.start >= h.end && o.start - h.end <= 6);
  const stopCombo =
    of("stopVerb").find((h) => contactAfter(h, ["message", "contact"])) ??
    negations.find((h) => contactAfter(h, ["contact"])) ??
    negatedWants.find((h) => contactAfter(h, ["message"]));
  if (stopCombo) return { ...base, intent: "OPT_OUT", confidence: 0.93, buyEvidence: null, reason: [`stop ${quote(stopCombo)} + messages`] };
  const stopWord = of("stopWord")[0];
  const stopAlone = stopWord && (reading.wordCount <= 2 || (stopWord.start === firstWord && clauseWords(clauseOf[stopWord.start]) === 1));
  if (stopWord && stopAlone && !hasProduct && positiveBuys.length === 0) {
    return { ...base, intent: "OPT_OUT", confidence: 0.9, buyEvidence: null, reason: [`stop word ${quote(stopWord)}`] };
  }

  // Cancelling, unless the buyer goes on to want something else ("ya no la roja, quiero la azul").
  const cancels = of("cancel").filter((h) => !isNegated(h));
  const more = has("more");
  const cancelEvidence = [...cancels, ...negatedWants];
  if (cancelEvidence.length > 0) {
    const lastClause = Math.max(...cancelEvidence.map((h) => clauseOf[h.start]));
    const switchTo = [...positiveBuys, ...claims].find((h) => clauseOf[h.start] > lastClause);
    if (switchTo) {
      return { ...base, intent: "BUY", confidence: 0.88, buyEvidence: switchTo.entry.kind === "claim" ? "claim" : "verb", productScope: "positive", reason: [`correction: not wanted, then ${quote(switchTo)}`] };
    }
    // "no quiero el negro, mejor el rojo": a later clause naming another product is a switch.
    const switchProduct = cancels.length === 0 && reading.features.find((f) => !f.negated && f.clause > lastClause);
    if (switchProduct) {
      return { ...base, intent: "BUY", confidence: 0.8, buyEvidence: "product", productScope: "positive", reason: [`correction: not wanted, then "${switchProduct.surface}"`] };
    }
    if (cancels.length > 0) return { ...base, intent: "CANCEL", confidence: 0.92, buyEvidence: null, reason: [`cancel ${quote(cancels[0])}`] };
    if (more) return { ...base, intent: "CANCEL", confidence: 0.88, buyEvidence: null, reason: [`no longer wants ${quote(negatedWants[0])}`] };
    // "no quiero la roja" with nothing after: most likely dropping a claim, but worth confirming.
    if (!has("question")) return { ...base, intent: "CANCEL", confidence: 0.65, buyEvidence: null, reason: [`negated ${quote(negatedWants[0])}`] };
  }
  // A negated "no, la azul" correction without a second verb still switches the product.
  const correctedClaim = negations.length > 0 && reading.features.some((f) => !f.negated) && reading.features.some((f) => f.negated) && (positiveBuys.length > 0 || claims.length > 0);

  // Jokes, wishes and "no money" are not orders, whatever verb they use.
  const hypothetical = of("hypothetical")[0] ?? of("broke")[0] ?? of("unsure")[0];
  const everything = has("everything");
  const wantsEverything = positiveBuys.some((h) => nearAfter(h, ["everything"], 3)) && !hasProduct;
  if (hypothetical || (reading.laugh && (everything || has("money"))) || wantsEverything) {
    const cue = hypothetical ? quote(hypothetical) : wantsEverything ? "wants everything" : "laughter";
    return { ...base, intent: "OTHER", confidence: 0.55, buyEvidence: null, reason: [`not a real order (${cue})`] };
  }

  if (positiveBuys.length > 0) {
    const h = positiveBuys[0];
    const evidence: BuyEvidence = h.entry.kind === "polite" ? "polite" : h.entry.kind === "howto" ? "howto" : "verb";
    return { ...base, intent: "BUY", confidence: 0.95, buyEvidence: evidence, productScope: "positive", reason: [`${evidence} ${quote(h)}${correctedClaim ? " (corrected)" : ""}`] };
  }

  const question = of("question")[0] ?? of("soldOut")[0];
  const ask = of("ask")[0];
  if (question || askingToKnow.length > 0 || (ask && reading.hasQuestionMark) || reading.hasQuestionMark) {
    const cue = askingToKnow[0] ?? question ?? ask;
    const confidence = (question || askingToKnow.length) && reading.hasQuestionMark ? 0.92 : question || askingToKnow.length ? 0.86 : ask ? 0.85 : 0.72;
    return { ...base, intent: "QUESTION", confidence, buyEvidence: null, reason: [cue ? `question ${quote(cue)}` : "question mark"] };
  }

  const praise = of("praise")[0];
  const positiveSkus = [...reading.skus.filter((s) => !s.negated), ...reading.codeGroups.filter((g) => !g.negated)];
  if (claims.length > 0 || (reading.emoji.claim && reading.wordCount <= 1)) {
    const cue = claims[0] ? quote(claims[0]) : "raised-hand emoji";
    return { ...base, intent: "BUY", confidence: 0.9, buyEvidence: "claim", productScope: "positive", reason: [`claim ${cue}`] };
  }
  if (positiveSkus.length > 0 && !praise && !reading.emoji.praise) {
    return { ...base, intent: "BUY", confidence: 0.88, buyEvidence: "sku", productScope: "positive", reason: ["code alone"] };
  }
  const greeting = of("greeting")[0];
  if (greeting || (reading.emoji.greet && reading.wordCount <= 3)) {
    const confidence = hasProduct ? 0.6 : 0.92;
    return { ...base, intent: "GREETING", confidence, buyEvidence: null, reason: [greeting ? `greeting ${quote(greeting)}` : "waving emoji"] };
  }
  // Tagging a friend ("@ana mira esta polera") shows a product; it does not claim it.
  const chatter = praise ?? of("thanks")[0] ?? of("attention")[0];
  if (chatter || reading.emoji.praise || reading.laugh) {
    const cue = chatter ? quote(chatter) : reading.laugh ? "laughter" : "emoji";
    return { ...base, intent: "OTHER", confidence: hasProduct ? 0.75 : 0.8, buyEvidence: null, reason: [`reaction ${cue}`] };
  }
  if (reading.unknownCodes.length > 0) {
    return { ...base, intent: "BUY", confidence: 0.6, buyEvidence: "code", productScope: "positive", reason: [`code ${reading.unknownCodes[0]} not in catalog`] };
  }
  // "x2" beside a product is an order however many other words come with it ("pack de bodys para recién nacido x2").
  const countMarked = tokens.some((t, i) => t.kind === "word" && !reading.notQuantity.has(i) && /^(?:x\d{1,2}|\d{1,2}x)$/.test(t.text));
  if (hasProduct && (reading.unknownWords <= 1 || countMarked)) {
    // "polera roja M", "dos jeans mom 40": naming the variant or a count is how buyers claim without a verb.
    const specific = countMarked || reading.sizes.some((z) => !z.negated) || reading.tokens.some((t, i) => t.kind === "num" && !reading.notQuantity.has(i)) || hits.some((h) => h.entry.kind === "number" && (h.entry.value ?? 0) > 1);
    return { ...base, intent: "BUY", confidence: specific ? 0.8 : 0.72, buyEvidence: "product", productScope: "positive", reason: [specific ? "product and variant or count named without a verb" : "product named without a verb"] };
  }
  // "la M", "la 38": a size on its own, said while the seller shows a product.
  if (reading.sizes.length > 0 && reading.wordCount <= 3 && reading.unknownWords === 0) {
    return { ...base, intent: "BUY", confidence: 0.6, buyEvidence: "product", productScope: "positive", reason: ["size named alone"] };
  }
  return { ...base, intent: "OTHER", confidence: 0.5, buyEvidence: null, reason: ["no rule matched"] };
}
