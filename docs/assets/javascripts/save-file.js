/* Saving a file made in the page (a letter's Word file, the report's CSV).
 *
 * The file is saved from a blob: address, so nothing is sent anywhere, from
 * file:// too. window.swpSaveFile(blob, name) is used by letter.js and report.js.
 */
(function () {
  "use strict";

  window.swpSaveFile = function (blob, name) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  };
})();
