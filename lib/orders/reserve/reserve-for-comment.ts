import { hotPathDb } from "@/lib/db";
import { readReservationContext } from "./read-context";
import type { Plan, Settled, Shortage } from "./types";
import { writeBotReservation } from "./write-bot-reservation";

/** Each lost round means another reservation of this buyer committed, so N racing comments of one buyer
 *  settle within N rounds; the bound only stops a runaway loop (the job then retries). */
const MAX_ROUNDS = 51;

/**
 * The bot's reservation for one comment (one product), shaped for a live where every buyer wants the
 * same product: the hot product row is locked only inside one autocommit statement, from the stock
 * UPDATE to that statement's own commit — never across a round trip to this process, which on a busy
 * machine can wait milliseconds for a CPU while every other buyer of the product waits on the row.
 *
 * Same read as the transaction path. One buyer's concurrent reservations (two comments of one buyer at
 * once) are serialised optimistically on the buyer row: the write statement first bumps the buyer's cart
 * version only if it is still the one the read saw; the second of two racing statements waits for the
 * first's commit, finds the version moved, writes nothing and reads again, now seeing the cart the
 * first one opened. The statement also re-locks the cart row and re-checks it is still open (a payment
 * or an expiry may have closed it; then it writes nothing), writes the order, its line, reservation,
 * audit row and comment link, and takes the stock LAST, so the product row every buyer of the live
 * contends for is held only from that UPDATE to the statement's commit. If the units went to someone
 * else meanwhile, the statement aborts itself and nothing it wrote remains (all or nothing without a
 * transaction block). Two statements per reservation, no lock held between them.
 */
export async function reserveForCommentOptimistically(plan: Plan): Promise<{ kind: "settled"; settled: Settled } | { kind: "short"; shortage: Shortage } | { kind: "risk" }> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const read = await readReservationContext(hotPathDb, plan);
    if (read.kind !== "ready") return read;
    // A high-risk buyer's pay-first or approval order holds no stock: the transaction path writes it.
    if (read.ready.riskMode) return { kind: "risk" };
    const written = await writeBotReservation(hotPathDb, plan, read.ready);
    if (written.kind === "written") return { kind: "settled", settled: written.settled };
    if (written.kind === "short") return written;
    // buyer_moved, cart_gone: the read is stale; read again.
  }
  throw new Error(`the reservation for comment ${plan.commentId} did not settle in ${MAX_ROUNDS} rounds (the buyer's cart kept changing)`);
}
