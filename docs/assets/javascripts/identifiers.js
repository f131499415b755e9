/* Patient identifiers in free text: the guard on the report and the letters' copy for the LMC.
 *
 * Finds what could identify a patient, written the ways practices type it:
 * - NHS numbers: 10 digits passing the Modulus 11 check, grouped 3-3-4 or 3-4-3, or
 *   with spaces, dots, slashes or dashes between any digits;
 * - dates of birth: 12/03/1957, 12.3.57, 1957-03-12, 12031957, US order (03/25/1957),
 *   month names or abbreviations (12-Mar-1957, 12 March 1957, March 12, 1957);
 * - postcodes, with a space, a hyphen or none, and joined to a word (LondonSW1A 1AA);
 * - street addresses (12 Acacia Avenue) and whatever follows "lives at" or "address:";
 * - email addresses, non-ASCII ones and spelled-out ones ("jane dot doe at nhs dot net");
 * - UK phone numbers, also as +44, (+44), 0044, with dashes or dots;
 * - hospital numbers after "MRN", "hospital number" and the like;
 * - names after a title or "patient" ("Mrs Jane Smith", "patient J Smith").
 * Full-width characters, dashes of every kind and invisible characters (zero-width,
 * soft hyphens, direction controls) are read as what they look like.
 *
 * It cannot find a name written without a title or "patient" ("seen with John Smith"),
 * nor a mistyped NHS number: the pages say so. A date counts as a date of birth when
 * "born", "DOB" or "date of birth" comes just before it, or when it is more than a
 * year before today (recent dates usually say when something happened).
 *
 * Every pattern runs in time proportional to the length of the text (no repeat can
 * match the same characters two ways; every unanchored repeat is bounded), so a
 * million characters pasted into a field do not freeze the page. Pure functions on
 * strings: no page, no storage. The report flags what it finds as the user types and
 * shows [removed] in its place.
 */
(function () {
  "use strict";

  var REMOVED = "[removed]";
  var WHAT = {
    nhs: "an NHS number",
    dob: "a date of birth",
    postcode: "a postcode",
    address: "an address",
    email: "an email address",
    phone: "a phone number",
    hospital: "a hospital number",
    name: "a name"
  };
  var MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

  /* ---- Reading the text as it looks: full-width, dashes, spaces, invisible characters ---- */

  function invisible(c) {
    return c === 0xAD || c === 0x61C || c === 0x180E || (c >= 0x200B && c <= 0x200F) ||
      (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) || c === 0xFEFF;
  }

  /* {text, at}: the text with look-alikes folded to ASCII and invisible characters dropped;
   * at[i] is where the i-th character came from (at[length] is the original's length). */
  function normalise(text) {
    var out = [];
    var at = [];
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      var ch = text.charAt(i);
      if (invisible(c)) continue;
      if (c >= 0xFF01 && c <= 0xFF5E) ch = String.fromCharCode(c - 0xFEE0);
      else if ((c >= 0x2010 && c <= 0x2015) || c === 0x2212 || c === 0xFE58 || c === 0xFE63) ch = "-";
      else if (c === 0xA0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200A) || c === 0x202F || c === 0x205F || c === 0x3000) ch = " ";
      else if (c === 0xFE6B) ch = "@";
      else if (c === 0x2215 || c === 0x2044) ch = "/";
      out.push(ch);
      at.push(i);
    }
    at.push(text.length);
    return { text: out.join(""), at: at };
  }

  /* Each match of pattern that keep() accepts, as {start, end}; keep may return a narrower
   * {start, end} (e.g. the number after "MRN"). A rejected match is retried one character on. */
  function each(pattern, text, keep) {
    var found = [];
    var match;
    pattern.lastIndex = 0;
    while ((match = pattern.exec(text)) !== null) {
      var kept = keep(match);
      if (kept) {
        found.push(kept === true ? { start: match.index, end: match.index + match[0].length } : kept);
        pattern.lastIndex = match.index + Math.max(match[0].length, 1);
      } else {
        pattern.lastIndex = match.index + 1;
      }
    }
    return found;
  }

  /* The last capture group of a match as {start, end} (it ends where the match ends). */
  function lastGroup(match) {
    var end = match.index + match[0].length;
    return { start: end - match[match.length - 1].length, end: end };
  }

  /* ---- NHS numbers ---- */

  /* NHS number check digit: weights 10..2 on the first nine digits; 11 minus the remainder. */
  function nhsNumberValid(digits) {
    if (!/^\d{10}$/.test(digits)) return false;
    var sum = 0;
    for (var i = 0; i < 9; i++) sum += Number(digits.charAt(i)) * (10 - i);
    var check = 11 - (sum % 11);
    if (check === 11) check = 0;
    return check !== 10 && check === Number(digits.charAt(9));
  }

  /* Between two digits: nothing, one or two spaces, or a dot, slash or dash with a space either side or none. */
  var SEP = "(?: {1,2}| ?[./-] ?)?";
  var NHS = new RegExp("(?<!\\d)\\d(?:" + SEP + "\\d){9}(?!\\d)", "g");

  function nhsNumbers(text) {
    return each(NHS, text, function (m) { return nhsNumberValid(m[0].replace(/\D/g, "")); });
  }

  /* ---- Phone numbers ---- */

  var PHONE = /(?<![\w+])(?:\(?(?:\+|00) ?44\)?[ .-]?(?:\(0\)[ .-]?)?|\(?0)\d(?:[ .()-]{0,2}\d){7,11}(?!\d)/g;

  function phoneNumbers(text) {
    return each(PHONE, text, function (m) {
      var digits = m[0].replace(/\D/g, "");
      if (/^\(?(?:\+|00)/.test(m[0])) digits = digits.replace(/^(?:00)?44/, "").replace(/^(?!0)/, "0");
      return /^0[1-9]\d{8,9}$/.test(digits);
    });
  }

  /* ---- Postcodes ---- */

  var POSTCODE_BODY = "(?:GIR(?: ?- ?| {1,2})?0AA|[A-PR-UWYZ][A-HK-Y]?\\d[A-HJKPSTUW\\d]?(?: {1,2}| ?- ?)?\\d[ABD-HJLNP-UW-Z]{2})";
  /* Any case, as a word of its own; capitals only when joined to a word (LondonSW1A 1AA). */
  var POSTCODE = new RegExp("\\b" + POSTCODE_BODY + "\\b", "gi");
  var POSTCODE_JOINED = new RegExp("(?<![A-Z\\d])" + POSTCODE_BODY + "(?![A-Z\\d])", "g");

  function postcodes(text) {
    /* "vitamin B12 3rd dose": an ordinal in small letters is not an inward code. */
    return each(POSTCODE, text, function (m) { return !/\d(?:st|nd|rd|th)$/.test(m[0]); })
      .concat(each(POSTCODE_JOINED, text, function () { return true; }));
  }

  /* ---- Email addresses, written or spelled out ---- */

  var EMAIL = /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
  var WORD = "[\\p{L}\\p{N}_%+'-]{1,64}";
  var LABEL = "[\\p{L}\\p{N}-]{1,63}";
  var DOT = "(?:[ \\t]{0,2}\\.[ \\t]{0,2}|[ \\t]{1,3}dot[ \\t]{1,3}|[ \\t]{0,2}[(\\[{<]dot[)\\]}>][ \\t]{0,2})";
  var AT = "(?:[ \\t]{1,3}at[ \\t]{1,3}|[ \\t]{0,2}[(\\[{<]at[)\\]}>][ \\t]{0,2}|[ \\t]{0,2}@[ \\t]{0,2})";
  var TLD = "(?:com|org|net|uk|nhs|gov|edu|ac|co|io|me|info|biz|eu|ie|mail|email|london|scot|wales)";
  var SPELLED_EMAIL = new RegExp(
    "(?<![\\p{L}\\p{N}_%+'.-])" + WORD + "(?:" + DOT + WORD + "){0,3}" + AT + LABEL + "(?:" + DOT + LABEL + "){0,3}" + DOT + TLD + "(?![\\p{L}\\p{N}-])",
    "giu"
  );

  function emails(text) {
    return each(EMAIL, text, function (m) { return /\.\p{L}{2,}$/u.test(m[0]); })
      .concat(each(SPELLED_EMAIL, text, function () { return true; }));
  }

  /* ---- Dates of birth ---- */

  var MONTH = "(january|february|march|april|may|june|july|august|september|october|november|december|" +
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?(?![a-z])";
  var CUE = /(?:\bd\.?\s?o\.?\s?b\.?|\bborn(?:\s+on)?|\bdate\s+of\s+birth|\bbirth\s?date|\bbirthday)[\s:.,-]*$/i;

  function fullYear(year, today) {
    if (year.length === 4) return Number(year);
    var yy = Number(year);
    var century = Math.floor(today.getFullYear() / 100) * 100;
    return century + yy > today.getFullYear() ? century - 100 + yy : century + yy;
  }

  function realDate(year, month, day) {
    if (year < 1880) return null;
    var d = new Date(year, month - 1, day);
    return d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day ? d : null;
  }

  function monthNumber(name) { return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1; }

  /* Each pattern gives [year, month, day] readings to try in order, and whether it needs a cue. */
  var DATES = [
    /* 12/03/1957, 12.3.57, 03/25/1957 (US order when the day/month order cannot be right) */
    [/(?<![\d/.-])(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{4}|\d{2})(?!\d|[/.-]\d)/g,
      function (m) { return { readings: [[m[4], +m[3], +m[1]], [m[4], +m[1], +m[3]]] }; }],
    /* 1957-03-12, 1957/3/12 */
    [/(?<![\d/.-])(\d{4}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{1,2})(?![\d/.-])/g,
      function (m) { return { readings: [[m[1], +m[3], +m[4]]] }; }],
    /* 12031957 or 19570312; six digits (120357) only after "DOB" */
    [/(?<![\d/.-])(\d{8}|\d{6})(?![\d/.-]?\d)/g, function (m) {
      var d = m[1];
      if (d.length === 6) return { readings: [[d.slice(4), +d.slice(2, 4), +d.slice(0, 2)]], cueOnly: true };
      return { readings: [[d.slice(4), +d.slice(2, 4), +d.slice(0, 2)], [d.slice(0, 4), +d.slice(4, 6), +d.slice(6)]] };
    }],
    /* 12 March 1957, 12-Mar-1957, 12Mar57, 12th of March 1957 */
    [new RegExp("(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?(?: of)?([ /.-]{0,2})" + MONTH + ",?([ /.-]{0,2})(\\d{4}|\\d{2})(?!\\d)", "gi"),
      function (m) {
        /* "3 May 20" (minutes?) is a date of birth only after a cue; 12-Mar-57 is one anyway. */
        var spaced = m[5].length === 2 && !/[/.-]/.test(m[2] + m[4]);
        return { readings: [[m[5], monthNumber(m[3]), +m[1]]], cueOnly: spaced };
      }],
    /* March 12, 1957 */
    [new RegExp("(?<![a-z])" + MONTH + " {1,2}(\\d{1,2})(?:st|nd|rd|th)?,? {1,2}(\\d{4})(?!\\d)", "gi"),
      function (m) { return { readings: [[m[3], monthNumber(m[1]), +m[2]]] }; }]
  ];

  function datesOfBirth(text, today) {
    var yearAgo = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate());
    var found = [];
    DATES.forEach(function (pair) {
      found = found.concat(each(pair[0], text, function (m) {
        var read = pair[1](m);
        var cued = CUE.test(text.slice(Math.max(0, m.index - 20), m.index));
        if (read.cueOnly && !cued) return false;
        for (var i = 0; i < read.readings.length; i++) {
          var r = read.readings[i];
          var date = realDate(fullYear(r[0], today), r[1], r[2]);
          if (date && date <= today) return cued || date < yearAgo;
        }
        return false;
      }));
    });
    return found;
  }

  /* ---- Addresses ---- */

  /* "road" -> "[Rr]oad": street words in capitals or not. */
  function eitherCase(words) {
    return words.map(function (w) { return "[" + w.charAt(0).toUpperCase() + w.charAt(0) + "]" + w.slice(1); }).join("|");
  }
  var STREET_WORDS = eitherCase(["road", "rd", "street", "st", "avenue", "ave", "lane", "ln", "close", "drive", "dr",
    "way", "gardens", "gdns", "court", "ct", "place", "pl", "crescent", "cres", "grove", "terrace", "hill", "park",
    "square", "sq", "row", "walk", "mews", "rise", "vale", "parade", "estate", "house", "mansions", "buildings",
    "tower", "towers", "wharf", "yard", "passage", "gate", "villas", "cottages", "green", "heights"]);
  var STREET = new RegExp(
    "(?<![\\p{L}\\p{N}])(?:(?:[Ff]lat|[Aa]partment|[Aa]pt|[Uu]nit)\\.? ?\\d{1,4}[a-zA-Z]?,? {1,2})?\\d{1,4}[a-zA-Z]?(?: ?- ?\\d{1,4}[a-zA-Z]?)?,? {1,2}" +
    "(?:\\p{Lu}[\\p{L}'\u2019-]{0,30} {1,2}){1,3}(?:" + STREET_WORDS + ")\\.?(?![\\p{L}\\p{N}])",
    "gu"
  );
  /* After "lives at" or "address:", the rest of the phrase (not "lives at home"). */
  var LIVES_AT = /\b(?:(?:lives|living|resides|residing|staying) at|(?:home )?address(?: is|[ \t]{0,2}:))[ \t]{1,2}(?!(?:home|the same|a|an|with)\b)([^.;\n]{3,80})/gi;

  function addresses(text) {
    return each(STREET, text, function () { return true; }).concat(each(LIVES_AT, text, lastGroup));
  }

  /* ---- Hospital numbers ---- */

  var HOSPITAL = /\b(?:MRN|hospital (?:number|no\.?|num)|hosp\.? ?(?:no|number|num)\.?|unit (?:number|no\.?)|patient (?:id|number|no\.?)|case (?:number|no\.?)|K ?number)[ \t]{0,2}[:#.-]?[ \t]{0,2}(?:is[ \t]{1,2})?([A-Z]{0,3}[ -]?\d[\dA-Z-]{3,14})(?![\dA-Z])/gi;

  function hospitalNumbers(text) {
    return each(HOSPITAL, text, lastGroup);
  }

  /* ---- Names after a title or "patient" ---- */

  var NAME = "((?:\\p{Lu}\\.?[ \\t]{1,2}){0,2}\\p{Lu}[\\p{L}'\u2019-]{1,30}(?:[ \\t]{1,2}\\p{Lu}[\\p{L}'\u2019-]{1,30}){0,2})";
  /* Not "MS" (multiple sclerosis): titles as a person writes them, or in capitals as clinical systems print. */
  var TITLED = new RegExp("(?<![\\p{L}])(?:Mr|Mrs|Ms|Miss|Mx|Mstr|Master|MR|MRS|MX)\\.?[ \\t]{1,2}" + NAME, "gu");
  /* Words that follow "patient" in the names of services, not people. */
  var NOT_NAMES = "(?:Safety|Transport|Advice|Liaison|Participation|Group|Services?|Experience|Access|Online|Records?|" +
    "Notes|Information|Leaflets?|Portal|Choice|Care|Support|Reference|Registration|List|Forum|Panel|Initiated|Reported|" +
    "Group|Direction|Pathway|Partners?|NHS|DOB|MRN|ID|I)(?![\\p{L}])";
  var PATIENT = new RegExp("(?<![\\p{L}])(?:[Pp]atient(?:'s)?(?: name)?|[Pp]t\\.?|[Nn]ame)[ \\t]{0,2}[:,-]?[ \\t]{1,2}(?!" + NOT_NAMES + ")" + NAME, "gu");

  function names(text) {
    return each(TITLED, text, lastGroup).concat(each(PATIENT, text, lastGroup));
  }

  /* ---- Together ---- */

  var FINDERS = [["nhs", nhsNumbers], ["phone", phoneNumbers], ["postcode", postcodes], ["email", emails],
    ["dob", datesOfBirth], ["hospital", hospitalNumbers], ["address", addresses], ["name", names]];

  /* Every identifier in the text, in order, overlaps merged: [{kind, kinds, what, start, end, text}]
   * (start and end index the text as given). */
  function find(text, today) {
    text = String(text === null || text === undefined ? "" : text);
    today = today || new Date();
    var plain = normalise(text);
    var hits = [];
    FINDERS.forEach(function (pair) {
      pair[1](plain.text, today).forEach(function (hit) {
        hits.push({ kind: pair[0], start: plain.at[hit.start], end: plain.at[hit.end - 1] + 1 });
      });
    });
    hits.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var merged = [];
    hits.forEach(function (hit) {
      var last = merged[merged.length - 1];
      if (last && hit.start < last.end) {
        if (hit.end > last.end) last.end = hit.end;
        if (last.kinds.indexOf(hit.kind) < 0) last.kinds.push(hit.kind);
      } else {
        merged.push({ kind: hit.kind, kinds: [hit.kind], start: hit.start, end: hit.end });
      }
    });
    merged.forEach(function (hit) {
      hit.what = WHAT[hit.kind];
      hit.text = text.slice(hit.start, hit.end);
    });
    return merged;
  }

  /* The text with each identifier replaced by [removed]. */
  function redact(text, today) {
    text = String(text === null || text === undefined ? "" : text);
    var out = "";
    var at = 0;
    find(text, today).forEach(function (hit) {
      out += text.slice(at, hit.start) + REMOVED;
      at = hit.end;
    });
    return out + text.slice(at);
  }

  window.swpIdentifiers = { find: find, redact: redact, nhsNumberValid: nhsNumberValid, REMOVED: REMOVED, WHAT: WHAT };
})();
