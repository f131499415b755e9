"use strict";
/* The site's search worker (docs/assets/javascripts/search-worker.js): counts, and when it uses the build's. */
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const worker = require(path.join(__dirname, "..", "..", "docs", "assets", "javascripts", "search-worker.js"));
const lunr = require(path.join(__dirname, "..", "..", "docs", "assets", "vendor", "lunr", "lunr.min.js"));
worker.use(lunr);

const CONFIG = { lang: ["en"], separator: "[\\s\\-]+", pipeline: ["stopWordFilter"], fields: { title: { boost: 1000 }, text: { boost: 1 } } };
const DOCS = [
  { location: "letters/sick-notes.html", title: "Sick notes", text: "<p>The hospital issues the <b>fit note</b>.</p>" },
  { location: "letters/sick-notes.html#rule", title: "The rule", text: "<p>Fit notes for seven days or less: self-certify.</p>" },
  { location: "posters/fly.html", title: "Fit to fly", text: "<p>We do not write fit-to-fly letters.</p>" },
];
const setup = () => ({ config: CONFIG, docs: structuredClone(DOCS), options: { suggest: false } });

test("words are counted per entry and field, stop words left out, in the order lunr meets them", () => {
  lunr.tokenizer.separator = new RegExp(CONFIG.separator);
  const counts = worker.countTerms(DOCS, CONFIG);
  assert.deepEqual(counts.terms.slice(0, 4), ["sick", "notes", "hospital", "issues"]);
  assert.deepEqual(counts.locations, DOCS.map((d) => d.location));
  assert.ok(!counts.terms.includes("the") && !counts.terms.includes("for"));
  const fit = counts.terms.indexOf("fit");
  assert.deepEqual(counts.counts[2][0], [fit, 1, counts.terms.indexOf("fly"), 1]);  // title: "Fit to fly"
});

test("counts made for other entries are not used: the worker counts the words itself", () => {
  lunr.tokenizer.separator = new RegExp(CONFIG.separator);
  const good = worker.countTerms(DOCS, CONFIG);
  const fields = Object.keys(CONFIG.fields);
  assert.equal(worker.countsFor(good, DOCS, fields), good);
  const stale = structuredClone(good);
  stale.locations[2] = "posters/old.html";
  assert.equal(worker.countsFor(stale, DOCS, fields), null);
  assert.equal(worker.countsFor(Object.assign({}, good, { fields: ["title"] }), DOCS, fields), null);
  assert.equal(worker.countsFor(null, DOCS, fields), null);
  /* A stale copy whose numbers are wrong still gives the right answer, counted afresh. */
  stale.counts[0][0] = [];
  const fresh = new worker.Search(setup(), stale).search("sick");
  assert.equal(fresh.items[0][0].location, "letters/sick-notes.html");
});

test("results group sections under their page and highlight the words found", () => {
  const search = new worker.Search(setup(), null);
  const result = search.search("fit* note*");
  const page = result.items.find((group) => group.some((item) => item.location === "letters/sick-notes.html"));
  assert.ok(page.some((item) => item.location === "letters/sick-notes.html#rule"));
  const article = page.find((item) => item.location === "letters/sick-notes.html");
  assert.match(article.text, /<mark>fit<\/mark> <mark>note<\/mark>/);
  assert.match(article.title, /<mark>Sick<\/mark> <mark>notes<\/mark>|Sick <mark>notes<\/mark>/);
});

test("setup and queries answer with Material's messages", () => {
  assert.equal(worker.handle({ type: 0, data: setup() }, null).type, 1);
  const answer = worker.handle({ type: 2, data: "fly" }, null);
  assert.equal(answer.type, 3);
  assert.equal(answer.data.items[0][0].location, "posters/fly.html");
  assert.throws(() => worker.handle({ type: 9 }), /Invalid message type/);
});
