/* "Remember our practice's details on this computer" (issue 28).
 *
 * Off by default. Ticked, the page's practice-level fields are kept in this browser's
 * localStorage under one key, swp-practice-details, and filled in on every letter, the
 * invitation, the posters and the report page. Which fields may be kept is data: the page
 * marks them data-remember="<name>" data-remember-group="practice|clinician", from `remember`
 * in macros/data/letter_fields.yml; a patient's field never carries it (the build refuses).
 * Clinician fields are kept only if "Also remember the clinician" is ticked. Forget removes
 * the key. Values are set as input values (text), never as HTML.
 *
 * Record: {"practice": {name: text, ...}, "clinician": {name: text, ...} or absent}.
 */
(function () {
  "use strict";

  var KEY = "swp-practice-details";
  var MAX = 500; // characters kept per field: an address, not an essay
  var NAME = /^[a-z][a-z0-9_]*$/;

  function texts(object) {
    var out = {};
    if (!object || typeof object !== "object" || Array.isArray(object)) return out;
    Object.keys(object).forEach(function (name) {
      var value = object[name];
      if (NAME.test(name) && typeof value === "string" && value.trim()) out[name] = value.trim().slice(0, MAX);
    });
    return out;
  }

  /* The stored record, or null when there is none or it is not ours. */
  function parse(text) {
    if (typeof text !== "string" || !text) return null;
    var data;
    try { data = JSON.parse(text); } catch (e) { return null; }
    if (!data || typeof data !== "object" || Array.isArray(data)) return null;
    var record = { practice: texts(data.practice) };
    if (data.clinician) record.clinician = texts(data.clinician);
    return record;
  }

  /* The record after this page's fields: fields = [{name, group, value}]. A field typed empty is
   * removed; fields of other pages stay; clinician fields only with withClinician. */
  function update(record, fields, withClinician) {
    var next = { practice: Object.assign({}, record ? record.practice : {}) };
    if (withClinician) next.clinician = Object.assign({}, record && record.clinician ? record.clinician : {});
    fields.forEach(function (field) {
      if (!NAME.test(field.name)) return;
      var bucket = field.group === "practice" ? next.practice : field.group === "clinician" ? next.clinician : null;
      if (!bucket) return;
      var value = typeof field.value === "string" ? field.value.trim().slice(0, MAX) : "";
      if (value) bucket[field.name] = value;
      else delete bucket[field.name];
    });
    return next;
  }

  /* Every kept value by field name. */
  function values(record) {
    return Object.assign({}, record ? record.practice : {}, record && record.clinician ? record.clinician : {});
  }

  function serialize(record) {
    var out = { practice: record.practice };
    if (record.clinician) out.clinician = record.clinician;
    return JSON.stringify(out);
  }

  window.swpPracticeDetails = { KEY: KEY, parse: parse, update: update, values: values, serialize: serialize };

  /* ---- The page ---- */
  if (typeof document === "undefined") return;
  var inputs = Array.prototype.slice.call(document.querySelectorAll("[data-remember]"));
  if (!inputs.length) return;
  var practiceBox = document.querySelector('[data-remember-box="practice"]');
  var clinicianBox = document.querySelector('[data-remember-box="clinician"]');
  var forgetButton = document.querySelector("[data-remember-forget]");
  var status = document.querySelector("[data-remember-status]");

  function say(message) { if (status) status.textContent = message; }

  /* localStorage, if this browser lets this page use it (some block it for file:// pages or in
   * private windows; reading window.localStorage can itself throw). */
  function usableStorage() {
    try {
      var storage = window.localStorage;
      storage.setItem(KEY + "-check", "1");
      storage.removeItem(KEY + "-check");
      return storage;
    } catch (e) {
      return null;
    }
  }
  var storage = usableStorage();
  if (!storage) {
    [practiceBox, clinicianBox, forgetButton].forEach(function (control) { if (control) control.disabled = true; });
    say(window.location.protocol === "file:"
      ? "This browser does not let pages opened from a file keep anything, so your practice's details cannot be remembered here: type them each time, or open the pack from your intranet."
      : "This browser does not let this page keep anything (its settings or a private window block it), so your practice's details cannot be remembered here: type them each time.");
    return;
  }

  function read() { return parse(storage.getItem(KEY)); }

  function pageFields() {
    return inputs.map(function (input) {
      return { name: input.dataset.remember, group: input.dataset.rememberGroup, value: input.value };
    });
  }

  function save() {
    if (!practiceBox || !practiceBox.checked) return;
    var old = read();
    var withClinician = clinicianBox ? clinicianBox.checked : Boolean(old && old.clinician);
    storage.setItem(KEY, serialize(update(old, pageFields(), withClinician)));
  }

  function forget(message) {
    storage.removeItem(KEY);
    if (practiceBox) practiceBox.checked = false;
    if (clinicianBox) clinicianBox.checked = false;
    say(message);
  }

  var record = read();
  if (record) {
    if (practiceBox) practiceBox.checked = true;
    if (clinicianBox) clinicianBox.checked = Boolean(record.clinician);
    var kept = values(record);
    inputs.forEach(function (input) {
      var value = kept[input.dataset.remember];
      if (value && !input.value) {
        input.value = value;
        input.dispatchEvent(new Event("input", { bubbles: true })); // fill-in.js and the report update
      }
    });
  }

  inputs.forEach(function (input) { input.addEventListener("input", save); });
  if (practiceBox) {
    practiceBox.addEventListener("change", function () {
      if (practiceBox.checked) {
        save();
        say("Remembered on this computer. Forget removes them.");
      } else {
        forget("Not remembered: this computer no longer keeps your practice's details. What you typed stays on this page until you close it.");
      }
    });
  }
  if (clinicianBox) {
    clinicianBox.addEventListener("change", function () {
      if (clinicianBox.checked && practiceBox && !practiceBox.checked) practiceBox.checked = true;
      save();
      say(clinicianBox.checked ? "The clinician's details are remembered on this computer too." : "The clinician's details are no longer remembered.");
    });
  }
  if (forgetButton) {
    forgetButton.addEventListener("click", function () {
      forget("Forgotten: this computer no longer keeps your practice's details. What you typed stays on this page until you close it.");
    });
  }
})();
