/* Posters: which version (English, easy read, a translation) an address asks for.
 * Pure logic: the address's #version-<key> part and the versions on the page in, one key out. */
(function () {
  "use strict";

  var PREFIX = "#version-";

  /* The key named by `hash` if the page has that version, else the first (English). */
  function chosenVersion(hash, keys) {
    if (typeof hash === "string" && hash.indexOf(PREFIX) === 0) {
      var key = hash.slice(PREFIX.length);
      if (keys.indexOf(key) !== -1) return key;
    }
    return keys[0];
  }

  window.swpPosterVersions = { chosenVersion: chosenVersion, PREFIX: PREFIX };
})();
