"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers");

const { swpPracticeDetails: details } = load("practice-details.js");
// The script's objects come from another realm (its own Object): compare them as plain JSON.
const plain = (value) => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

const page = (values) => [
  { name: "practice_name", group: "practice", value: values.practice_name ?? "" },
  { name: "practice_address", group: "practice", value: values.practice_address ?? "" },
  { name: "clinician_name", group: "clinician", value: values.clinician_name ?? "" },
  { name: "clinician_role", group: "clinician", value: values.clinician_role ?? "" },
];

test("only fields marked practice or clinician are kept; anything else a page passes is not", () => {
  const fields = [...page({ practice_name: "Elm Surgery" }), { name: "patient_name", group: "", value: "Jane Doe" }, { name: "nhs_number", group: undefined, value: "943 476 5919" }];
  const record = details.update(null, fields, true);
  assert.deepEqual(JSON.parse(details.serialize(record)), { practice: { practice_name: "Elm Surgery" }, clinician: {} });
});

test("the clinician's name and role are kept only when asked", () => {
  const typed = page({ practice_name: "Elm Surgery", clinician_name: "Dr A Khan", clinician_role: "GP partner" });
  assert.deepEqual(plain(details.update(null, typed, false)), { practice: { practice_name: "Elm Surgery" } });
  assert.deepEqual(plain(details.update(null, typed, true).clinician), { clinician_name: "Dr A Khan", clinician_role: "GP partner" });
  const kept = details.update(null, typed, true);
  assert.equal(details.update(kept, typed, false).clinician, undefined, "unticking drops them");
});

test("a page with fewer fields keeps the others' values; a field emptied is removed", () => {
  const letter = details.update(null, page({ practice_name: "Elm Surgery", practice_address: "1 High St\nLondon" }), false);
  const poster = details.update(letter, [{ name: "practice_name", group: "practice", value: "  Elm Surgery PCN  " }], false);
  assert.deepEqual(plain(poster.practice), { practice_name: "Elm Surgery PCN", practice_address: "1 High St\nLondon" });
  const emptied = details.update(poster, [{ name: "practice_address", group: "practice", value: "   " }], false);
  assert.deepEqual(plain(emptied.practice), { practice_name: "Elm Surgery PCN" });
});

test("a stored record round-trips, and anything else in storage is read as nothing or cleaned", () => {
  const record = details.update(null, page({ practice_name: "Elm Surgery", clinician_name: "Dr A Khan" }), true);
  assert.deepEqual(plain(details.parse(details.serialize(record))), plain(record));
  for (const junk of [null, "", "not json", "[]", "42", '"text"', "null"]) assert.equal(details.parse(junk), null, junk);
  assert.deepEqual(plain(details.parse('{"practice": {"practice_name": "Elm", "Bad Name": "x", "n": 3, "__proto__": "y"}}')), { practice: { practice_name: "Elm" } });
});

test("values are trimmed and capped, so storage holds a practice's details, not a document", () => {
  const record = details.update(null, [{ name: "practice_address", group: "practice", value: "x".repeat(100000) }], false);
  assert.equal(record.practice.practice_address.length, 500);
  assert.deepEqual(plain(details.values(details.update(null, page({ practice_name: " Elm ", clinician_role: "GP" }), true))), { practice_name: "Elm", clinician_role: "GP" });
});
