/* Posters: choose the version (English, easy read, a translation) and the paper size
 * (A4 or A3), and print. Only the chosen version is shown and printed; the size is a
 * class on the sheets, which CSS maps to a named @page of that size. */
(function () {
  "use strict";

  var tool = document.querySelector("[data-swp-poster]");
  if (!tool || !window.swpPosterVersions) return;
  var sheets = tool.querySelectorAll("[data-paper-sheet]");
  var versions = Array.prototype.slice.call(tool.querySelectorAll("[data-poster-version]"));
  var keys = versions.map(function (sheet) { return sheet.getAttribute("data-poster-version"); });

  function setPaper(size) {
    sheets.forEach(function (sheet) {
      sheet.classList.toggle("swp-poster--a3", size === "a3");
      sheet.classList.toggle("swp-poster--a4", size !== "a3");
    });
  }

  function showVersion() {
    var chosen = window.swpPosterVersions.chosenVersion(window.location.hash, keys);
    versions.forEach(function (sheet) { sheet.hidden = sheet.getAttribute("data-poster-version") !== chosen; });
    tool.querySelectorAll("[data-version-link]").forEach(function (link) {
      if (link.getAttribute("data-version-link") === chosen) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    });
  }

  tool.querySelectorAll("input[data-paper]").forEach(function (radio) {
    radio.addEventListener("change", function () { if (radio.checked) setPaper(radio.value); });
    if (radio.checked) setPaper(radio.value);
  });
  tool.addEventListener("click", function (event) {
    var button = event.target.closest('button[data-action="print"]');
    if (button) window.print();
    var link = event.target.closest("a[data-version-link]");
    if (link) {
      // Change the version without jumping down the page; the address keeps it (a version, never typed text).
      event.preventDefault();
      window.history.pushState(null, "", link.getAttribute("href"));
      showVersion();
    }
  });
  window.addEventListener("hashchange", showVersion);
  window.addEventListener("popstate", showVersion);
  showVersion();
})();
