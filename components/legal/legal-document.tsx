import { format } from "@/lib/i18n";

/** A legal text: title, date, intro, optional store paragraph, then titled sections — all in one language. */
export function LegalDocument({ title, updated, intro, storeNote, sections, contact, vars }: { title: string; updated: string; intro: string; storeNote?: string | null; sections: [string, string][]; contact?: string | null; vars: Record<string, string> }) {
  return (
    <article className="flex flex-col gap-4 leading-relaxed">
      <header className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">{title}</h1>
        <p className="text-sm text-muted-foreground">{updated}</p>
      </header>
      <p>{format(intro, vars)}</p>
      {storeNote && <p className="rounded-md border border-border p-3" data-testid="legal-store">{format(storeNote, vars)}</p>}
      {sections.map(([heading, body]) => (
        <section key={heading} className="flex flex-col gap-1">
          <h2 className="text-lg font-semibold">{heading}</h2>
          <p>{format(body, vars)}</p>
        </section>
      ))}
      {contact && <p className="text-sm">{contact}</p>}
    </article>
  );
}
