"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers");

const { swpCsv } = load("csv.js");

test("every cell is quoted, its quotes doubled", () => {
  assert.equal(swpCsv.cell("hospital"), '"hospital"');
  assert.equal(swpCsv.cell('a, "b"'), '"a, ""b"""');
  assert.equal(swpCsv.cell(null), '""');
});

test("a table starts with a byte-order mark and ends rows with CRLF", () => {
  assert.equal(swpCsv.table([["a", "b"], ["c", "d"]]), '\ufeff"a","b"\r\n"c","d"\r\n');
});

test("a cell that a spreadsheet would run as a formula starts with an apostrophe", () => {
  for (const start of ["=", "+", "-", "@"]) {
    assert.ok(swpCsv.cell(start + "SUM(A1)").replace(/^"/, "").startsWith("'" + start), start);
  }
});
