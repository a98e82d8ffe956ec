import { LegalPage, legalMetadata, type LegalSearch } from "../legal-page";

export const generateMetadata = ({ searchParams }: { searchParams: LegalSearch }) => legalMetadata("privacy", searchParams);

export const dynamic = "force-dynamic";

/** The privacy policy, templated with the platform's and, from a checkout, the store's details (see LegalPage). */
export default function PrivacyPage({ searchParams }: { searchParams: LegalSearch }) {
  return <LegalPage kind="privacy" searchParams={searchParams} />;
}
