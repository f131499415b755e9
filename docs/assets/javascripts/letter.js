/* Template letters: tick tasks, copy (plain and rich text), copy for the LMC,
 * download as Word (filled in, or a blank template), print.
 *
 * The letter is built on the server with [placeholders]; fill-in.js fills it.
 * Copies and Word files are made from a clone of the letter; the copy for the
 * LMC replaces every patient-identifying field with [removed], and runs the
 * identifier guard (identifiers.js) over every other field typed in. Nothing is
 * stored or sent: a Word file is made in the page and saved from a blob: URL.
 */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : document.baseURI;
  var DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  var tool = document.querySelector("[data-swp-letter]");
  if (!tool) return;
  var letter = tool.querySelector(".swp-letter");
  var status = tool.querySelector(".swp-status");

  /* Variants: the tasks ticked decide which paragraphs the letter has. */
  var boxes = Array.prototype.slice.call(tool.querySelectorAll("input[data-variant]"));
  function showVariants() {
    var any = false;
    boxes.forEach(function (box) {
      var block = letter.querySelector('.swp-variant[data-variant="' + box.dataset.variant + '"]');
      block.hidden = !box.checked;
      any = any || box.checked;
    });
    var none = letter.querySelector(".swp-variant-none");
    if (none) none.hidden = any;
  }
  function tickFromHash() {
    var match = /^#task-([a-z0-9-]+)$/.exec(window.location.hash);
    if (!match) return;
    boxes.forEach(function (box) { box.checked = box.dataset.variant === match[1]; });
    showVariants();
  }
  if (boxes.length) {
    boxes.forEach(function (box) { box.addEventListener("change", showVariants); });
    window.addEventListener("hashchange", tickFromHash);
    showVariants();
    tickFromHash();
  }

  /* The practice's own address prints only when typed in (else the letterhead's space stays). */
  var practiceAddress = letter.querySelector(".swp-letter__practice");
  var practiceInput = tool.querySelector('[data-field-input="practice_address"]');
  function showPracticeAddress() {
    if (practiceAddress && practiceInput) practiceAddress.hidden = !practiceInput.value.trim();
  }
  if (practiceInput) {
    practiceInput.addEventListener("input", showPracticeAddress);
    showPracticeAddress();
  }

  /* A clean copy of the letter: hidden parts dropped, lines of a multi-line field as <br>, attributes stripped. */
  function cleanCopy(forLmc) {
    var copy = letter.cloneNode(true);
    copy.querySelectorAll("[hidden], .swp-source-note").forEach(function (el) { el.remove(); });
    copy.querySelectorAll(".swp-slot[data-multiline]").forEach(function (slot) {
      var lines = slot.textContent.split("\n");
      slot.textContent = "";
      lines.forEach(function (line, i) {
        if (i > 0) slot.appendChild(document.createElement("br"));
        slot.appendChild(document.createTextNode(line));
      });
    });
    if (forLmc) {
      copy.querySelectorAll(".swp-slot").forEach(function (slot) {
        if (slot.dataset.identifying === "true") slot.textContent = "[removed]";
        else if (slot.dataset.empty !== "true") slot.textContent = window.swpIdentifiers.redact(slot.textContent);
      });
    }
    copy.querySelectorAll("*").forEach(function (el) {
      Array.prototype.slice.call(el.attributes).forEach(function (a) { el.removeAttribute(a.name); });
    });
    return copy;
  }

  /* Plain text: paragraphs separated by a blank line, <br> as a line break. */
  function plainText(copy) {
    return Array.prototype.map.call(copy.querySelectorAll("p"), function (p) {
      var lines = [];
      var line = "";
      p.childNodes.forEach(function walk(node) {
        if (node.nodeName === "BR") { lines.push(line); line = ""; }
        else if (node.nodeType === Node.TEXT_NODE) { line += node.nodeValue; }
        else { node.childNodes.forEach(walk); }
      });
      lines.push(line);
      return lines.map(function (l) { return l.replace(/\s+/g, " ").trim(); }).join("\n");
    }).join("\n\n");
  }

  function say(message) { if (status) status.textContent = message; }

  function copyLetter(forLmc) {
    var copy = cleanCopy(forLmc);
    var text = plainText(copy);
    var html = "<div>" + copy.innerHTML + "</div>";
    var done = function () {
      say(forLmc
        ? "Copied for the LMC: the patient's fields, and anything else that looked like a patient detail, read [removed]. A name typed without a title cannot be caught: check the copy before you send it."
        : "Letter copied.");
    };
    var failed = function () { say("Could not copy: select the letter and copy it by hand."); };
    if (navigator.clipboard && window.ClipboardItem) {
      var item = new ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html], { type: "text/html" })
      });
      navigator.clipboard.write([item]).then(done, function () {
        navigator.clipboard.writeText(text).then(done, failed);
      });
    } else if (navigator.clipboard) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  }

  /* ---- Word files, made in the page (word.js and fflate load on the first click) ---- */

  var loading = {};
  function load(path) {
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL(path, here).href;
        script.onload = resolve;
        script.onerror = function () { delete loading[path]; reject(new Error("could not load " + path)); };
        document.head.appendChild(script);
      });
    }
    return loading[path];
  }

  function tickedBoxes() {
    return boxes.filter(function (box) { return box.checked; });
  }

  /* The letter as a blank template: every field as [Label]; with no task ticked, every task. */
  function blankLetter() {
    var copy = letter.cloneNode(true);
    copy.querySelectorAll(".swp-slot").forEach(function (slot) {
      slot.textContent = "[" + slot.dataset.label + "]";
      slot.dataset.empty = "true";
    });
    var practice = copy.querySelector(".swp-letter__practice");
    if (practice) practice.hidden = true;
    if (boxes.length && !tickedBoxes().length) {
      copy.querySelectorAll(".swp-variant").forEach(function (block) { block.hidden = false; });
      copy.querySelector(".swp-variant-none").hidden = true;
    }
    return copy;
  }

  function wordFile(blank) {
    var ticked = tickedBoxes();
    var labels = ticked.map(function (box) { return tool.querySelector('label[for="' + box.id + '"]').textContent.trim(); });
    var practice = tool.querySelector('[data-field-input="practice_name"]');
    var typedPractice = practice && !blank ? window.swpCleanText.clean(practice.value).trim() : "";
    var name = tool.dataset.swpLetter + (ticked.length ? "-" + ticked.map(function (b) { return b.dataset.variant; }).join("-") : "");
    return {
      element: blank ? blankLetter() : letter,
      name: name + (blank ? "-blank" : "") + ".docx",
      meta: {
        title: tool.dataset.title + (labels.length ? ": " + labels.join("; ") : ""),
        author: typedPractice || tool.dataset.siteName,
        description: blank ? "Template letter from the safe working pack: replace each [bracketed] field." : "Letter from the safe working pack."
      }
    };
  }

  function save(bytes, name) {
    window.swpSaveFile(new Blob([bytes], { type: DOCX }), name);
  }

  function downloadWord(blank) {
    say("Making the Word file\u2026");
    Promise.all([load("../vendor/fflate/fflate.min.js"), load("word.js")]).then(function () {
      var file = wordFile(blank);
      save(window.swpWord.build(file.element, file.meta), file.name);
      say(blank
        ? "Blank Word template saved as " + file.name + ": replace each [bracketed] field."
        : "Word file saved as " + file.name + ", with what you typed. Check it before you send it.");
    }).catch(function () {
      say("Could not make the Word file: copy the letter instead.");
    });
  }

  function copySms() {
    var sms = tool.querySelector("[data-sms]");
    var text = sms.textContent.replace(/\s+/g, " ").trim();
    navigator.clipboard.writeText(text).then(
      function () { say("Text message copied."); },
      function () { say("Could not copy: select the text and copy it by hand."); }
    );
  }

  tool.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) return;
    var action = button.dataset.action;
    if (action === "copy") copyLetter(false);
    else if (action === "copy-lmc") copyLetter(true);
    else if (action === "copy-sms") copySms();
    else if (action === "word") downloadWord(false);
    else if (action === "word-blank") downloadWord(true);
    else if (action === "print") window.print();
  });

  /* "Report this transfer": the report page, with the ticked tasks and the organisation when it
   * is one the page suggests (its list). Nothing else typed: the browser's history keeps every
   * address on disk, fragment and all, even once the report page has cleared it. */
  var reportLink = tool.querySelector("[data-report-link]");
  function listedOrganisation() {
    var field = tool.querySelector('[data-field-input="organisation"]');
    var typed = field ? field.value.replace(/\s+/g, " ").trim().toLowerCase() : "";
    var match = Array.prototype.filter.call(tool.querySelectorAll("#letter-organisations option"), function (option) {
      return option.value.toLowerCase() === typed;
    })[0];
    return typed && match ? match.value : "";
  }
  function updateReportLink() {
    var params = new URLSearchParams();
    params.append("letter", tool.dataset.swpLetter);
    tickedBoxes().forEach(function (box) { params.append("variant", box.dataset.variant); });
    var organisation = listedOrganisation();
    if (organisation) params.append("organisation", organisation);
    reportLink.href = reportLink.href.split("#")[0] + "#" + params.toString();
  }
  if (reportLink) {
    tool.addEventListener("input", updateReportLink);
    tool.addEventListener("change", updateReportLink);
    window.addEventListener("hashchange", updateReportLink);
    updateReportLink();
  }

  window.swpLetter = { plainText: function (forLmc) { return plainText(cleanCopy(forLmc)); } };
})();
