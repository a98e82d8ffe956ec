import { describe, expect, test } from "vitest";
import { FairGate } from "./fair-gate";

/** Enters `group` and records when the place is granted; returns a function that leaves it. */
function enterRecorded(gate: FairGate, group: string, granted: string[], label = group) {
  const wait = gate.enter(group);
  if (!wait) granted.push(label);
  else void wait.then(() => granted.push(label));
  return () => gate.leave(group);
}

const settle = () => new Promise((r) => setImmediate(r));

describe("fair gate in front of the hot-path pool", () => {
  test("enters at once while places are free, and never lets more than its capacity in", async () => {
    const gate = new FairGate(2);
    const granted: string[] = [];
    const leaveA1 = enterRecorded(gate, "a", granted, "a1");
    enterRecorded(gate, "a", granted, "a2");
    enterRecorded(gate, "a", granted, "a3");
    await settle();
    expect(granted).toEqual(["a1", "a2"]);
    expect({ taken: gate.taken, waiting: gate.waiting }).toEqual({ taken: 2, waiting: 1 });
    leaveA1();
    await settle();
    expect(granted).toEqual(["a1", "a2", "a3"]);
    expect({ taken: gate.taken, waiting: gate.waiting }).toEqual({ taken: 2, waiting: 0 });
  });

  test("a freed place goes to the waiting store holding the fewest, not to the flood that queued first", async () => {
    const gate = new FairGate(3);
    const granted: string[] = [];
    const leaves = [0, 1, 2].map((i) => enterRecorded(gate, "flood", granted, `flood${i}`));
    for (let i = 3; i < 10; i++) enterRecorded(gate, "flood", granted, `flood${i}`);
    enterRecorded(gate, "quiet", granted, "quiet");
    await settle();
    leaves[0]!();
    await settle();
    expect(granted.slice(3)).toEqual(["quiet"]);
    // Then the flood again, in its own order.
    leaves[1]!();
    await settle();
    expect(granted.slice(4)).toEqual(["flood3"]);
  });

  test("groups that hold the same number take turns (round robin), each in its own order", async () => {
    const gate = new FairGate(1);
    const granted: string[] = [];
    let leave = enterRecorded(gate, "x", granted, "x0");
    for (const label of ["a1", "a2", "a3"]) enterRecorded(gate, "a", granted, label);
    for (const label of ["b1", "b2"]) enterRecorded(gate, "b", granted, label);
    enterRecorded(gate, "c", granted, "c1");
    await settle();
    const order = ["a1", "b1", "c1", "a2", "b2", "a3"];
    const groupOf = (label: string) => label[0]!;
    for (const label of order) {
      leave();
      await settle();
      expect(granted.at(-1)).toBe(label);
      leave = () => gate.leave(groupOf(label));
    }
    leave();
    expect({ taken: gate.taken, waiting: gate.waiting }).toEqual({ taken: 0, waiting: 0 });
  });

  test("a holder that waits longer than the timeout gets an error and leaves the line; the others keep their turn", async () => {
    const gate = new FairGate(1, 30);
    const leave = enterRecorded(gate, "a", []);
    const late = gate.enter("b");
    const granted: string[] = [];
    await expect(late).rejects.toThrow(/timed out after 30 ms waiting for a database connection/);
    expect(gate.waiting).toBe(0);
    enterRecorded(gate, "c", granted, "c");
    leave();
    await settle();
    expect(granted).toEqual(["c"]);
    gate.leave("c");
    expect({ taken: gate.taken, waiting: gate.waiting }).toEqual({ taken: 0, waiting: 0 });
  });

  test("a capacity that is not a positive integer is refused", () => {
    expect(() => new FairGate(0)).toThrow(/capacity/);
    expect(() => new FairGate(1.5)).toThrow(/capacity/);
  });
});
