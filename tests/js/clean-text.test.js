"use strict";
/* clean-text.js: direction controls and control characters typed into a field never reach a
 * letter, a Word file or the report (issue 26, finding 12); ordinary right-to-left text does. */
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers");

const { swpCleanText } = load("clean-text.js");
const clean = swpCleanText.clean;

test("a right-to-left override and every other direction control are dropped", () => {
  assert.equal(clean("Jane \u202eht Smith"), "Jane ht Smith");
  for (const c of ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"]) {
    assert.equal(clean(`a${c}b`), "ab", `U+${c.charCodeAt(0).toString(16)}`);
  }
});

test("control characters are dropped; tabs become spaces", () => {
  assert.equal(clean("a\u0000b\u0007c\u001bd\u007fe\u0090f"), "abcdef");
  assert.equal(clean("a\tb"), "a b");
});

test("line breaks stay in a field of several lines, and become spaces in one of one line", () => {
  assert.equal(clean("1 High Street\r\nLondon\rN1", { multiline: true }), "1 High Street\nLondon\nN1");
  assert.equal(clean("1 High Street\r\nLondon\u2028N1"), "1 High Street London N1");
});

test("ordinary right-to-left text, accents and emoji are kept as typed", () => {
  for (const text of ["\u0645\u0631\u0643\u0632 \u0635\u062d\u064a", "\u05e9\u05dc\u05d5\u05dd", "Zo\u00eb Ng\u1ee5y\u1ec5n", "\ud83d\udc4d", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"]) {
    assert.equal(clean(text), text);
  }
});

test("nothing given is the empty string", () => {
  assert.equal(clean(null), "");
  assert.equal(clean(undefined), "");
});
