-- The bot's reservation for a comment is one autocommit statement, and one buyer's comments may be
-- processed at the same time. The statement bumps this version only if it still holds the value its
-- read saw (an optimistic lock on the buyer row): of two concurrent reservations of one buyer, the
-- second waits for the first's commit, finds the version moved, writes nothing and reads again — so it
-- joins the cart the first one opened instead of opening a second one.
ALTER TABLE "buyers" ADD COLUMN "cartVersion" INTEGER NOT NULL DEFAULT 0;
