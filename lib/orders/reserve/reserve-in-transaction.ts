import { hotPathDb, type SqlClient } from "@/lib/db";
import { readReservationContext } from "./read-context";
import type { Plan, Settled, Shortage } from "./types";
import { writeCart } from "./write-cart";

type Outcome = { kind: "settled"; settled: Settled } | { kind: "short"; shortage: Shortage };

/**
 * Any reservation but the bot's one-product one: BEGIN; one statement reads everything and locks the
 * open cart (readReservationContext); one statement writes the order or the cart merge and takes the
 * stock (writeCart); COMMIT — or ROLLBACK when a product's units went to someone else between the two
 * (all or nothing).
 */
export async function reserveInTransaction(plan: Plan): Promise<Outcome> {
  return transactionRolledBackOnShort(async (tx) => {
    const read = await readReservationContext(tx, plan);
    if (read.kind !== "ready") return read;
    const written = await writeCart(tx, plan, read.ready);
    return written.kind === "written" ? { kind: "settled", settled: written.settled } : written;
  });
}

/** Carries a shortage out of the transaction callback: the transaction's way to ROLLBACK is a throw. */
class RollBack {
  constructor(readonly outcome: Outcome) {}
}

/** Runs fn in a transaction; COMMIT unless it answers "short" (whatever it wrote is rolled back). */
async function transactionRolledBackOnShort(fn: (tx: SqlClient) => Promise<Outcome>): Promise<Outcome> {
  try {
    return await hotPathDb.$transaction(
      async (tx) => {
        const outcome = await fn(tx);
        if (outcome.kind === "short") throw new RollBack(outcome);
        return outcome;
      },
      { timeout: 15_000 },
    );
  } catch (error) {
    if (error instanceof RollBack) return error.outcome;
    throw error;
  }
}
