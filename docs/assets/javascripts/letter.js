/* Template letters: tick tasks, copy (plain and rich text), copy for the LMC, print.
 *
 * The letter is built on the server with [placeholders]; fill-in.js fills it.
 * Copies are made from a clone of the letter; the copy for the LMC replaces
 * every patient-identifying field with [removed]. Nothing is stored or sent.
 */
(function () {
  "use strict";

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

  /* A clean copy of the letter: hidden parts dropped, attributes stripped. */
  function cleanCopy(forLmc) {
    var copy = letter.cloneNode(true);
    copy.querySelectorAll("[hidden]").forEach(function (el) { el.remove(); });
    if (forLmc) {
      copy.querySelectorAll('.swp-slot[data-identifying="true"]').forEach(function (slot) {
        slot.textContent = "[removed]";
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
    var done = function () { say(forLmc ? "Copied for the LMC, with patient details removed." : "Letter copied."); };
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
    else if (action === "print") window.print();
  });

  window.swpLetter = { plainText: function (forLmc) { return plainText(cleanCopy(forLmc)); } };
})();
