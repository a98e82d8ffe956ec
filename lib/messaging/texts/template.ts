// The text templates' tiny language: `{name}` placeholders and `[ ... ]` optional parts that vanish
// when a placeholder inside them is empty. Sellers write overrides in the same language.

const PLACEHOLDER = /\{(\w+)\}/g;
const OPTIONAL = /\[([^[\]]*)\]/g;

export type TemplateVars = Record<string, string | number | null | undefined>;

function present(v: TemplateVars[string]): v is string | number {
  return v !== null && v !== undefined && String(v).trim() !== "";
}

export function placeholdersOf(template: string): Set<string> {
  return new Set(Array.from(template.matchAll(PLACEHOLDER), (m) => m[1]!));
}

export function fillTemplate(template: string, vars: TemplateVars): string {
  const withOptionals = template.replace(OPTIONAL, (_, inner: string) => {
    const names = placeholdersOf(inner);
    return [...names].every((n) => present(vars[n])) ? inner : "";
  });
  return withOptionals.replace(PLACEHOLDER, (whole, name: string) => {
    const v = vars[name];
    return present(v) ? String(v) : name in vars ? "" : whole;
  });
}
