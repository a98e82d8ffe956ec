import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { buildOpenApi } from "@/lib/http/openapi";
import { apiOperations } from "@/app/api/v1/openapi.json/operations";
import { Badge } from "@/components/ui/badge";
import { env } from "@/lib/env";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

export const metadata = { title: "API reference" };
export const dynamic = "force-dynamic";

const METHOD_COLORS: Record<string, "default" | "success" | "warning" | "destructive" | "outline"> = { get: "success", post: "default", put: "warning", patch: "warning", delete: "destructive" };

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; description?: string; enum?: unknown[]; anyOf?: JsonSchema[]; nullable?: boolean };

function typeLabel(s: JsonSchema | undefined): string {
  if (!s) return "";
  if (s.enum) return s.enum.map(String).join(" | ");
  if (s.anyOf) return s.anyOf.map(typeLabel).join(" | ");
  if (s.type === "array") return `${typeLabel(s.items)}[]`;
  return `${Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "object")}${s.nullable ? " | null" : ""}`;
}

function Fields({ schema }: { schema?: JsonSchema }) {
  const target = schema?.type === "array" ? schema.items : schema;
  if (!target?.properties) return <code className="text-xs text-muted-foreground">{typeLabel(schema)}</code>;
  return (
    <ul className="flex flex-col gap-1 text-sm [overflow-wrap:anywhere]">
      {Object.entries(target.properties).map(([name, prop]) => (
        <li key={name}>
          <code className="text-blue-300">{name}</code>
          {target.required?.includes(name) && <span className="text-rose-300">*</span>} <span className="text-muted-foreground">{typeLabel(prop)}</span>
          {prop.description && <span className="text-muted-foreground"> — {prop.description}</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * A readable rendering of /api/v1/openapi.json, generated from the same zod schemas the routes validate
 * with. The reference itself stays in English (as the API does); the page around it is translated.
 * Long paths and type unions wrap anywhere so a phone never scrolls sideways.
 */
export default async function ApiDocsPage() {
  const doc = buildOpenApi(env().APP_URL, apiOperations);
  const { t } = await getMessages();
  return (
    <main className="mx-auto max-w-4xl px-4 py-8 sm:px-5 sm:py-10">
      <Link href="/dashboard" className="inline-flex items-center gap-1 text-sm text-blue-300 hover:underline"><ArrowLeft className="size-4 rtl:rotate-180" aria-hidden /> {t.docs.back}</Link>
      <h1 className="mt-4 text-3xl font-bold" dir="ltr">{doc.info.title}</h1>
      <p className="mt-2 text-muted-foreground" dir="ltr">{doc.info.description}</p>
      <p className="mt-2 text-sm">
        {t.docs.machineReadable} <bdi><a className="text-blue-300 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a></bdi>
      </p>
      <div className="mt-8 flex flex-col gap-4">
        {apiOperations.map((op) => {
          const spec = (doc.paths[op.path] as Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> }; responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>)[op.method]!;
          const okStatus = String(op.status ?? 200);
          const body = spec.requestBody ? Object.values(spec.requestBody.content)[0]?.schema : undefined;
          const response = spec.responses[okStatus]?.content?.["application/json"]?.schema;
          return (
            <section key={`${op.method} ${op.path}`} dir="ltr" className="min-w-0 rounded-lg border border-border bg-card p-4" aria-labelledby={`${op.method}-${op.path}`}>
              <h2 id={`${op.method}-${op.path}`} className="flex flex-wrap items-center gap-2 font-mono text-sm [overflow-wrap:anywhere]">
                <Badge variant={METHOD_COLORS[op.method]}>{op.method.toUpperCase()}</Badge> {op.path}
              </h2>
              <p className="mt-2 text-sm">{op.summary}</p>
              <div className="mt-3 grid gap-4 md:grid-cols-2">
                {body && (<div className="min-w-0"><h3 className="mb-1 text-xs font-semibold uppercase text-muted-foreground">{t.docs.requestBody}</h3><Fields schema={body} /></div>)}
                <div className="min-w-0"><h3 className="mb-1 text-xs font-semibold uppercase text-muted-foreground">{format(t.docs.response, { status: okStatus })}</h3>{response ? <Fields schema={response} /> : <span className="text-sm text-muted-foreground">{t.docs.empty}</span>}</div>
              </div>
              <p className="mt-3 text-xs text-muted-foreground">{format(t.docs.errors, { codes: Object.keys(spec.responses).filter((s) => s !== okStatus).join(", ") })}</p>
            </section>
          );
        })}
      </div>
    </main>
  );
}
