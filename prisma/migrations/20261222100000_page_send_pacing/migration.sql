-- The shared send schedule of each Page (lib/meta/page-pacer.ts): one row per Page and kind of call,
-- the time at which its next send may go. Unlogged: no WAL on the send path, and after a crash of
-- the database the table starts empty, which only means the first sends are not delayed.
CREATE UNLOGGED TABLE "page_send_pacing" (
    "bucket" TEXT NOT NULL,
    "tat" TIMESTAMPTZ(6) NOT NULL,
    "rate" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "page_send_pacing_pkey" PRIMARY KEY ("bucket")
);
