-- A tenant closed by a superadmin (issue 16): buyers anonymised, secrets dropped, records kept.
ALTER TABLE "stores" ADD COLUMN "closedAt" TIMESTAMPTZ(3);
