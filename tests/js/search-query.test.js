"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers");

const { swpSearchQuery } = load("search-query.js");
const clean = swpSearchQuery.clean;

test("filler words are dropped, the rest kept in order", () => {
  assert.equal(clean("hospital wants me to chase results"), "hospital chase results");
  assert.equal(clean("employer wants a note"), "employer note");
});

test("a hyphenated word loses its short pieces and gains its joined form", () => {
  assert.equal(clean("re-refer"), "refer rerefer");
  assert.equal(clean("follow-up"), "follow followup");
  assert.equal(clean("shared-care"), "shared-care");
});

test("a lone letter or digit at the end is searched as itself, not as a wildcard", () => {
  assert.equal(clean("sick n"), "sick n^1");
  assert.equal(clean("s"), "s^1");
  assert.equal(clean("off sick 7"), "off sick 7^1");
  assert.equal(clean("a"), "a^1");
});

test("from the second letter, and inside the query, words are searched as typed", () => {
  assert.equal(clean("sick no"), "sick no");
  assert.equal(clean("off sick 7 days"), "off sick 7 days");
  assert.equal(clean("sick"), "sick");
});

test("a query of filler words alone is searched as typed", () => {
  assert.equal(clean("the"), "the");
  assert.equal(clean("to do"), "to do");
});

test("a hyphen typed at the end of a word is left out until the rest of the word comes", () => {
  assert.equal(clean("re-"), "re");
  assert.equal(clean("e-"), "e^1");
  assert.equal(clean("e-RS"), "e-RS");
});
