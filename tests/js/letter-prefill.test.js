"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers");

const { swpLetterPrefill: prefill } = load("letter-prefill.js");
const plain = (value) => JSON.parse(JSON.stringify(value));

test("only the letter's own fields are taken from #fill, decoded, once each", () => {
  const hash = "#fill&provider=Royal%20Free&request_count=3&patient_name=X&provider=Other";
  assert.deepEqual(plain(prefill.fields(hash, ["provider", "request_count"])), { provider: "Royal Free", request_count: "3" });
});

test("any other fragment fills nothing", () => {
  assert.deepEqual(plain(prefill.fields("#task-bloods", ["provider"])), {});
  assert.deepEqual(plain(prefill.fields("#filler&provider=A", ["provider"])), {});
});

test("control characters become spaces and a value is cut at 600 characters", () => {
  const long = "a".repeat(700);
  assert.equal(prefill.fields("#fill&provider=A%0AB", ["provider"]).provider, "A B");
  assert.equal(prefill.fields("#fill&provider=" + long, ["provider"]).provider.length, 600);
});
