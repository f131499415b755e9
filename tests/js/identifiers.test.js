"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers");

const { swpIdentifiers: ids } = load("identifiers.js");

test("an NHS number passes the Modulus 11 check; a changed digit fails it", () => {
  assert.equal(ids.nhsNumberValid("9434765919"), true);
  assert.equal(ids.nhsNumberValid("9434765918"), false);
});

test("redact replaces an NHS number, a postcode and an email with [removed]", () => {
  const out = ids.redact("NHS 943 476 5919, lives at SW1A 1AA, writes to a.b@example.org");
  assert.doesNotMatch(out, /5919|SW1A|example\.org/);
  assert.match(out, /\[removed\]/);
});
