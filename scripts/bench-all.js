// `npm run bench`: every benchmark in turn, each printing its own figures and peer ratios.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const scripts = Object.keys(JSON.parse(readFileSync("package.json", "utf8")).scripts).filter((s) =>
  s.startsWith("bench:"),
);
let failed = 0;
for (const script of scripts) {
  console.log(`\n=== npm run ${script} ===`);
  const result = spawnSync("npm", ["run", "--silent", script], { stdio: "inherit" });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
