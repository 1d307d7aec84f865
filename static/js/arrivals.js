/* Arrivals pages: day picker, print button, confirmations, guest-flow chart.
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

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  // Buttons that undo or cancel ask first.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
  });

  // Guest flow chart (Chart.js, vendored).
  var canvas = document.getElementById("flow-chart");
  var source = document.getElementById("flow-data");
  if (canvas && source && window.Chart) {
    var data = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      data: {
        labels: data.labels,
        datasets: [
          { type: "bar", label: data.names.arrivals, data: data.arrivals, backgroundColor: "#0d6efd" },
          { type: "bar", label: data.names.departures, data: data.departures, backgroundColor: "#adb5bd" },
          { type: "bar", label: data.names.vip_arrivals, data: data.vip_arrivals, backgroundColor: "#d4a017" },
          { type: "line", label: data.names.in_house, data: data.in_house, borderColor: "#198754", backgroundColor: "#198754", tension: 0.2 }
        ]
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }
})();
