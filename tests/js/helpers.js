/* Load the site's browser scripts into Node for unit tests.
 *
 * The scripts in docs/assets/javascripts/ are plain browser files: each wraps
 * itself in a function and puts what it offers on `window` (window.swpCsv,
 * window.swpIdentifiers, ...). load() runs the named files, in order, in one
 * fresh context whose `window` is the context itself, and returns that window.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SCRIPTS = path.join(__dirname, "..", "..", "docs", "assets", "javascripts");

function load(...names) {
  const context = vm.createContext({ console, Date, URLSearchParams, TextEncoder });
  context.window = context;
  for (const name of names) {
    const file = path.join(SCRIPTS, name);
    vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
  }
  return context;
}

module.exports = { load, SCRIPTS };
