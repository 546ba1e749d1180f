// Prints the first N draws of npm random@5.1.0's `new Random("seed").float()`, one per line,
// as JavaScript writes the number (shortest round-trip decimal).
import { Random } from "random";
const n = Number(process.argv[2] ?? 1000);
const rand = new Random("seed");
const out = [];
for (let i = 0; i < n; i++) out.push(String(rand.float()));
process.stdout.write(out.join("\n") + "\n");
