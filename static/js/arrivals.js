/* Arrivals pages: the day picker (print, confirmations, charts: guestdesk.js; progress: imports.js).
   No inline scripts (strict CSP): data comes in data- attributes and json_script blocks. */
(function () {
  "use strict";

  // Day picker: go to the chosen day's page.
  document.querySelectorAll("[data-day-picker]").forEach(function (form) {
    var input = form.querySelector("input[type=date]");
    var template = form.dataset.urlTemplate;
    if (!input || !template) return;
    var go = function () {
      if (/^\d{4}-\d{2}-\d{2}$/.test(input.value)) {
        window.location.href = template.replace("0000-00-00", input.value) + window.location.search;
      }
    };
    input.addEventListener("change", go);
    form.addEventListener("submit", function (event) { event.preventDefault(); go(); });
  });

})();
