/* Patient identifiers in free text, for the workload-transfer report.
 *
 * Finds what could identify a patient: NHS numbers (10 digits that pass the
 * Modulus 11 check), dates that look like dates of birth, UK postcodes, email
 * addresses and UK phone numbers. The report flags them as the user types and
 * replaces them with [removed]. Pure functions on strings: no page, no storage.
 *
 * A date counts as a date of birth when "born", "DOB" or "date of birth" comes
 * just before it, or when it is more than a year before today: recent dates are
 * kept, because they usually say when something happened.
 */
(function () {
  "use strict";

  var REMOVED = "[removed]";
  var WHAT = {
    nhs: "an NHS number",
    dob: "a date of birth",
    postcode: "a postcode",
    email: "an email address",
    phone: "a phone number"
  };
  var MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

  /* NHS number check digit: weights 10..2 on the first nine digits; 11 minus the remainder. */
  function nhsNumberValid(digits) {
    if (!/^\d{10}$/.test(digits)) return false;
    var sum = 0;
    for (var i = 0; i < 9; i++) sum += Number(digits.charAt(i)) * (10 - i);
    var check = 11 - (sum % 11);
    if (check === 11) check = 0;
    return check !== 10 && check === Number(digits.charAt(9));
  }

  function each(pattern, text, keep) {
    var found = [];
    var match;
    pattern.lastIndex = 0;
    while ((match = pattern.exec(text)) !== null) {
      if (keep(match)) found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
    }
    return found;
  }

  function nhsNumbers(text) {
    return each(/(?<![\d])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\d])/g, text, function (m) {
      return nhsNumberValid(m[0].replace(/\D/g, ""));
    });
  }

  function phoneNumbers(text) {
    var pattern = /(?<![\d+])(?:\+44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\d])/g;
    return each(pattern, text, function (m) {
      var digits = m[0].replace(/\D/g, "");
      if (m[0].charAt(0) === "+") digits = "0" + digits.slice(2).replace(/^0/, "");
      return digits.length === 10 || digits.length === 11;
    });
  }

  function postcodes(text) {
    return each(/\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b/gi, text, function () { return true; });
  }

  function emails(text) {
    return each(/[A-Z0-9._%+'-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi, text, function () { return true; });
  }

  function fullYear(year, today) {
    if (year.length === 4) return Number(year);
    var yy = Number(year);
    var century = Math.floor(today.getFullYear() / 100) * 100;
    return century + yy > today.getFullYear() ? century - 100 + yy : century + yy;
  }

  function realDate(year, month, day) {
    var d = new Date(year, month - 1, day);
    return d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day ? d : null;
  }

  /* A full date, written 12/03/1957, 12-3-57, 1957-03-12 or 12 March 1957. */
  function datesOfBirth(text, today) {
    var yearAgo = new Date(today.getFullYear() - 1, today.getMonth(), today.getDate());
    var patterns = [
      [/(?<![\d])(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4}|\d{2})(?![\d])/g, function (m) { return [m[3], Number(m[2]), Number(m[1])]; }],
      [/(?<![\d])(\d{4})-(\d{2})-(\d{2})(?![\d])/g, function (m) { return [m[1], Number(m[2]), Number(m[3])]; }],
      [/(?<![\d])(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})(?![\d])/gi,
        function (m) { return [m[3], MONTHS.indexOf(m[2].toLowerCase()) + 1, Number(m[1])]; }]
    ];
    var found = [];
    patterns.forEach(function (pair) {
      found = found.concat(each(pair[0], text, function (m) {
        var parts = pair[1](m);
        var date = realDate(fullYear(parts[0], today), parts[1], parts[2]);
        if (!date) return false;
        var before = text.slice(Math.max(0, m.index - 20), m.index);
        var cued = /(?:\bd\.?\s?o\.?\s?b\.?|\bborn(?:\s+on)?|\bdate\s+of\s+birth|\bbirth\s?date|\bbirthday)[\s:.,-]*$/i.test(before);
        return cued || date < yearAgo;
      }));
    });
    return found;
  }

  /* Every identifier in the text, in order, overlaps merged: [{kind, what, start, end, text}]. */
  function find(text, today) {
    text = String(text || "");
    today = today || new Date();
    var hits = [];
    [["nhs", nhsNumbers(text)], ["phone", phoneNumbers(text)], ["postcode", postcodes(text)],
      ["email", emails(text)], ["dob", datesOfBirth(text, today)]].forEach(function (pair) {
      pair[1].forEach(function (hit) { hit.kind = pair[0]; hit.what = WHAT[pair[0]]; hits.push(hit); });
    });
    hits.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    var merged = [];
    hits.forEach(function (hit) {
      var last = merged[merged.length - 1];
      if (last && hit.start < last.end) {
        if (hit.end > last.end) { last.end = hit.end; last.text = text.slice(last.start, last.end); }
      } else {
        merged.push(hit);
      }
    });
    return merged;
  }

  /* The text with each identifier replaced by [removed]. */
  function redact(text, today) {
    text = String(text || "");
    var out = "";
    var at = 0;
    find(text, today).forEach(function (hit) {
      out += text.slice(at, hit.start) + REMOVED;
      at = hit.end;
    });
    return out + text.slice(at);
  }

  window.swpIdentifiers = { find: find, redact: redact, nhsNumberValid: nhsNumberValid, REMOVED: REMOVED };
})();
