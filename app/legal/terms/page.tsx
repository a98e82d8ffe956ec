import { LegalPage, legalMetadata, type LegalSearch } from "../legal-page";

export const generateMetadata = ({ searchParams }: { searchParams: LegalSearch }) => legalMetadata("terms", searchParams);

export const dynamic = "force-dynamic";

/** The terms of use, templated with the platform's and, from a checkout, the store's details (see LegalPage). */
export default function TermsPage({ searchParams }: { searchParams: LegalSearch }) {
  return <LegalPage kind="terms" searchParams={searchParams} />;
}
