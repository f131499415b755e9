"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./helpers");

const { swpReportLog: log } = load("report-log.js");
const plain = (value) => JSON.parse(JSON.stringify(value));

const row = (values) => ({ entry: "1", practice: "Elm Surgery", borough: "Camden", organisation: "Royal Free", department: "",
  date: "2026-11-20", arrived_by: "phone", task_id: "trust-tasks/bloods", description: "", practice_action: "sent-letter",
  minutes: "10", patient_risk: "", response: "", response_date: "", ...values });

test("rows with one entry number come back as one transfer with its tasks", () => {
  const back = log.entriesFrom([row({}), row({ task_id: "trust-tasks/fit-note" }), row({ entry: "2", response: "refused", response_date: "2026-11-25" })]);
  assert.equal(back.practice, "Elm Surgery");
  assert.equal(back.borough, "Camden");
  assert.deepEqual(plain(back.entries.map((e) => e.tasks)), [["trust-tasks/bloods", "trust-tasks/fit-note"], ["trust-tasks/bloods"]]);
  assert.equal(back.entries[1].response, "refused");
  assert.equal(back.entries[1].response_date, "2026-11-25");
  assert.equal(back.entries[0].minutes, "10");
});

test("an empty file gives no transfers", () => {
  assert.deepEqual(plain(log.entriesFrom([])), { entries: [], practice: "", borough: "" });
});
