/* Arrivals pages: day picker, confirmations, import progress (print and charts: guestdesk.js).
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

  // Import progress: poll until the task is done, then reload for the report.
  document.querySelectorAll("[data-import-progress]").forEach(function (box) {
    var bar = box.querySelector("[data-progress-bar]");
    var text = box.querySelector("[data-progress-text]");
    var show = function (percent) {
      bar.style.width = percent + "%";
      bar.textContent = percent + "%";
      bar.parentElement.setAttribute("aria-valuenow", percent);
    };
    show(parseInt(bar.parentElement.getAttribute("aria-valuenow"), 10) || 0);
    var poll = function () {
      fetch(box.dataset.url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          show(data.progress);
          if (text) text.textContent = data.processed + " / " + data.total;
          if (data.running) window.setTimeout(poll, 1000);
          else window.location.reload();
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    };
    window.setTimeout(poll, 700);
  });
})();
