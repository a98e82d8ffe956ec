import { notFound } from "next/navigation";
import { PublicShell } from "@/components/auth/public-shell";
import { dirOf, format, isUiLocale, messages, UI_LOCALES } from "@/lib/i18n";
import { accountMessages } from "@/lib/i18n/account";
import { shippedLicenses } from "@/lib/legal/shipped-licenses";
import { platformName } from "@/lib/legal/platform-name";

// Prerendered by `next build` for each language: the list is generated from the installed packages then.
export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return UI_LOCALES.map((lang) => ({ lang }));
}

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  return { title: isUiLocale(lang) ? accountMessages(lang).legal.licensesTitle : "Licenses" };
}

/** The open-source packages the build ships, with their licences (from each package's license field). */
export default async function LicensesPage({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  if (!isUiLocale(lang)) notFound();
  const t = accountMessages(lang).legal;
  const packages = shippedLicenses();
  return (
    <PublicShell locale={lang} languageLabel={messages(lang).nav.language} className="max-w-2xl">
      <div lang={lang} dir={dirOf(lang)} className="flex flex-col gap-4">
        <h1 className="text-2xl font-bold">{t.licensesTitle}</h1>
        <p>{format(t.licensesIntro, { platform: platformName(), count: packages.length })}</p>
        <div className="overflow-x-auto rounded-md border border-border">
          <table className="w-full text-sm" data-testid="licenses">
            <thead className="bg-muted text-start">
              <tr>
                <th scope="col" className="px-3 py-2 text-start">{t.package}</th>
                <th scope="col" className="px-3 py-2 text-start">{t.version}</th>
                <th scope="col" className="px-3 py-2 text-start">{t.license}</th>
              </tr>
            </thead>
            <tbody dir="ltr">
              {packages.map((p) => (
                <tr key={`${p.name}@${p.version}`} className="border-t border-border">
                  <td className="break-all px-3 py-1.5 font-mono">{p.name}</td>
                  <td className="px-3 py-1.5 font-mono">{p.version}</td>
                  <td className="px-3 py-1.5">{p.license}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </PublicShell>
  );
}
