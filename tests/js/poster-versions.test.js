"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers");

const { swpPosterVersions: versions } = load("poster-versions.js");
const KEYS = ["english", "easy-read", "bn", "ar"];

test("the address's #version-<key> chooses that version", () => {
  assert.equal(versions.chosenVersion("#version-bn", KEYS), "bn");
  assert.equal(versions.chosenVersion("#version-easy-read", KEYS), "easy-read");
});

test("no address part, another fragment or an unknown version shows the first (English)", () => {
  for (const hash of ["", "#sources", "#version-xx", "#version-", "version-bn", undefined]) {
    assert.equal(versions.chosenVersion(hash, KEYS), "english", String(hash));
  }
});
