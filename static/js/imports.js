/* Import batch pages (stays and reviews): the progress bar of a running check or import. */
(function () {
  "use strict";
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
