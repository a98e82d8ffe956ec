/**
 * The one template filler of every catalog (dashboard, checkout, bot, emails). Forms, a subset of ICU
 * MessageFormat:
 *   `{name}`                                   → the value as given
 *   `{count, plural, =0 {…} one {# item} other {# items}}` → the branch Intl.PluralRules picks for the
 *      locale (exact `=N` first, then the category, then `other`); `#` is the number formatted for it.
 *   `[ … {name} … ]`                           → with `optional: true` only (the bot's texts, which sellers
 *      override): the bracketed part vanishes when a placeholder inside it is empty.
 * Arabic has six plural categories (zero, one, two, few, many, other): only `other` is required.
 *
 * In a right-to-left template every inserted value is wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL
 * ISOLATE (what Fluent does by default): a Latin name, SKU or number then cannot drag neighbouring
 * punctuation to the wrong side of the sentence. The bot isolates its values itself (links must stay
 * bare) and emails do not isolate: both pass `isolate: false`.
 */
export type FormatVars = Record<string, string | number | null | undefined>;

export type FormatOptions = {
  /** Picks plural branches and formats `#`. */
  locale?: string;
  /** Wrap inserted values in FSI … PDI; by default when the template is right-to-left. */
  isolate?: boolean;
  /** Applied to every inserted value (emails: HTML escaping). */
  escape?: (value: string) => string;
  /** `[ … ]` optional parts; blank values count as empty and a placeholder given as empty renders "". */
  optional?: boolean;
};

const FSI = "\u2068";
const PDI = "\u2069";
const RTL_CHAR = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export function isRtlText(text: string) {
  return RTL_CHAR.test(text);
}

/** Already wrapped by the caller (FSI, LRI or RLI … PDI): isolating again would only nest. */
function isIsolated(v: string) {
  return /^[\u2066-\u2068]/.test(v) && v.endsWith(PDI);
}

type Branches = Map<string, string>;
type Part = { kind: "text"; text: string } | { kind: "var"; name: string } | { kind: "plural"; name: string; branches: Branches };

const cache = new Map<string, Part[]>();

const PLACEHOLDER = /\{(\w+)\}/g;
const OPTIONAL = /\[([^[\]]*)\]/g;

/** The `{name}` placeholders of a template (plural branches included). */
export function placeholdersOf(template: string): Set<string> {
  return new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]!));
}

const isBlank = (v: FormatVars[string]) => v === null || v === undefined || String(v).trim() === "";

export function format(template: string, vars: FormatVars, localeOrOptions?: string | FormatOptions): string {
  const options = typeof localeOrOptions === "string" ? { locale: localeOrOptions } : (localeOrOptions ?? {});
  const isolate = options.isolate ?? isRtlText(template);
  const escape = options.escape;
  const wrap = (v: string) => (isolate && v !== "" && !isIsolated(v) ? `${FSI}${v}${PDI}` : v);
  let source = template;
  if (options.optional) {
    source = template.replace(OPTIONAL, (_, inner: string) => ([...placeholdersOf(inner)].every((n) => !isBlank(vars[n])) ? inner : ""));
  }
  const value = (name: string) => {
    const v = vars[name];
    if (v === null || v === undefined || (options.optional && isBlank(v))) return "";
    const text = String(v);
    return wrap(escape ? escape(text) : text);
  };
  return render(parse(source), vars, options.locale, value, wrap, null);
}

function render(parts: Part[], vars: FormatVars, locale: string | undefined, value: (name: string) => string, wrap: (v: string) => string, hash: string | null): string {
  let out = "";
  for (const p of parts) {
    if (p.kind === "text") out += hash === null ? p.text : p.text.replaceAll("#", hash);
    else if (p.kind === "var") out += p.name in vars ? value(p.name) : `{${p.name}}`;
    else {
      if (!(p.name in vars)) {
        out += `{${p.name}}`;
        continue;
      }
      const n = Number(vars[p.name]);
      const branch = p.branches.get(`=${n}`) ?? p.branches.get(pluralRules(locale).select(n)) ?? p.branches.get("other") ?? "";
      out += render(parse(branch), vars, locale, value, wrap, wrap(numberFormat(locale).format(n)));
    }
  }
  return out;
}

const rulesCache = new Map<string, Intl.PluralRules>();
function pluralRules(locale = "en") {
  let r = rulesCache.get(locale);
  if (!r) rulesCache.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}
const numberCache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale = "en") {
  let f = numberCache.get(locale);
  if (!f) numberCache.set(locale, (f = new Intl.NumberFormat(locale)));
  return f;
}

/** Parses once per template; text outside placeholders (including a lone `{` or `}`) is kept as is. */
function parse(template: string): Part[] {
  const hit = cache.get(template);
  if (hit) return hit;
  const parts: Part[] = [];
  let text = "";
  let i = 0;
  while (i < template.length) {
    const ch = template[i]!;
    if (ch === "{") {
      const simple = /^\{(\w+)\}/.exec(template.slice(i));
      if (simple) {
        if (text) parts.push({ kind: "text", text });
        text = "";
        parts.push({ kind: "var", name: simple[1]! });
        i += simple[0].length;
        continue;
      }
      const plural = /^\{\s*(\w+)\s*,\s*plural\s*,/.exec(template.slice(i));
      if (plural) {
        const end = matchingBrace(template, i);
        if (end > 0) {
          if (text) parts.push({ kind: "text", text });
          text = "";
          parts.push({ kind: "plural", name: plural[1]!, branches: parseBranches(template.slice(i + plural[0].length, end)) });
          i = end + 1;
          continue;
        }
      }
    }
    text += ch;
    i++;
  }
  if (text) parts.push({ kind: "text", text });
  if (cache.size < 2000) cache.set(template, parts);
  return parts;
}

function matchingBrace(s: string, open: number) {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "{") depth++;
    else if (s[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

function parseBranches(body: string): Branches {
  const branches: Branches = new Map();
  let i = 0;
  while (i < body.length) {
    const key = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!key) break;
    const open = i + key[0].length - 1;
    const close = matchingBrace(body, open);
    if (close < 0) break;
    branches.set(key[1]!, body.slice(open + 1, close));
    i = close + 1;
  }
  return branches;
}

/** The plural keys of a template, for catalog checks: `[{name, keys}]`. */
export function pluralKeysOf(template: string) {
  return parse(template).flatMap((p) => (p.kind === "plural" ? [{ name: p.name, keys: [...p.branches.keys()] }] : []));
}
