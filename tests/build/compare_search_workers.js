/* Material's search worker and the site's (assets/javascripts/search-worker.js), side by side in Node,
 * on a built site's index: `node compare_search_workers.js SITE_DIR < queries.json`.
 *
 * Prints JSON: the queries whose results differ (with both answers), and whether the index the
 * site's worker builds from the build's counts is exactly lunr's own (lunr.js's builder, fed
 * Material's tokenizer, serialised) and the counts exactly those counted here. Run by
 * tests/build/test_search_worker.py.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const url = require("url");
const vm = require("vm");

const site = process.argv[2];
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
const workers = path.join(site, "assets", "javascripts", "workers");
const material = fs.readdirSync(workers).find((name) => /^search\..*\.min\.js$/.test(name));

/* A worker script in its own global scope, its postMessage answers collected. */
function loadWorker(source) {
  const answers = [];
  const listeners = [];
  const context = {
    console: { warn() {}, log: console.log, error: console.error },
    postMessage: (message) => answers.push(message),
    addEventListener: (type, fn) => listeners.push(fn),
    location: { href: url.pathToFileURL(source).href },
    setTimeout, structuredClone, URL, TextEncoder, TextDecoder,
  };
  /* As in a worker: the scripts it imports run in its own scope. */
  context.importScripts = (...urls) => {
    for (const address of urls) vm.runInContext(fs.readFileSync(url.fileURLToPath(address), "utf8"), context);
  };
  context.self = context;
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(source, "utf8"), context);
  return {
    context,
    async send(data) {
      answers.length = 0;
      for (const fn of listeners) await fn({ data: structuredClone(data) });
      for (let i = 0; i < 50 && !answers.length; i++) await new Promise((r) => setTimeout(r, 0));
      return answers.pop();
    },
  };
}

(async () => {
  const lunrFile = path.join(site, "assets", "vendor", "lunr", "lunr.min.js");
  const theirs = loadWorker(path.join(workers, material));
  const ours = loadWorker(path.join(site, "assets", "javascripts", "search-worker.js"));

  /* What Material's page sends the worker (its search/worker/_/index.ts). */
  const setup = { type: 0, data: { config: index.config, docs: index.docs, options: { suggest: true } } };
  const report = { material, queries: queries.length, different: [] };
  report.setup = [(await theirs.send(setup)).type, (await ours.send(setup)).type];

  for (const query of queries) {
    const a = await theirs.send({ type: 2, data: query });
    const b = await ours.send({ type: 2, data: query });
    if (JSON.stringify(a) !== JSON.stringify(b)) report.different.push({ query, material: a, ours: b });
    report.results = (report.results || 0) + (a.data.items || []).length;
    report.highlights = (report.highlights || 0) + (JSON.stringify(a).match(/<mark>/g) || []).length;
  }

  /* The counts and the index, against lunr's own builder given Material's tokenizer. */
  const api = require(path.resolve(__dirname, "../../docs/assets/javascripts/search-worker.js"));
  const lunr = require(path.resolve(lunrFile));
  api.use(lunr);
  const built = api.buildIndex(index, ours.context.swpSearchCounts);
  const counted = api.countTerms(index.docs, index.config);
  report.counts_used = api.countsFor(ours.context.swpSearchCounts, index.docs, Object.keys(index.config.fields)) !== null;
  report.counts_equal = JSON.stringify(counted) === JSON.stringify(ours.context.swpSearchCounts);
  const reference = lunr(function () {
    this.metadataWhitelist = [];
    this.b(0);
    this.pipeline.remove(lunr.trimmer);
    this.pipeline.remove(lunr.stemmer);
    this.searchPipeline.remove(lunr.stemmer);
    this.tokenizer = (value) => api.tokenize(value, []);
    this.ref("location");
    for (const [name, spec] of Object.entries(index.config.fields)) this.field(name, spec);
    for (const doc of index.docs) this.add(doc, { boost: doc.boost });
  });
  report.index_equal = JSON.stringify(built.toJSON()) === JSON.stringify(reference.toJSON());
  report.terms = counted.terms.length;
  process.stdout.write(JSON.stringify(report));
})().catch((error) => { console.error(error); process.exit(1); });
