// Prints the first N draws of npm random@5.1.0's `new Random("seed").int(0, 999)`, one per line.
import { Random } from "random";
const n = Number(process.argv[2] ?? 1000);
const rand = new Random("seed");
const out = [];
for (let i = 0; i < n; i++) out.push(String(rand.int(0, 999)));
process.stdout.write(out.join("\n") + "\n");
