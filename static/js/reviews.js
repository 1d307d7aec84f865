/* Improvement report: the print button and the monthly score chart (Chart.js, vendored). */
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });

  var canvas = document.getElementById("reviews-chart");
  var source = document.getElementById("reviews-data");
  if (canvas && source && window.Chart) {
    var data = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      data: {
        labels: data.labels,
        datasets: [
          { type: "line", label: data.names.score, data: data.score, yAxisID: "score", borderColor: "#198754", backgroundColor: "#198754", tension: 0.2 },
          { type: "bar", label: data.names.count, data: data.count, yAxisID: "count", backgroundColor: "#adb5bd" }
        ]
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        scales: {
          score: { position: "left", min: 0, max: 10 },
          count: { position: "right", beginAtZero: true, ticks: { precision: 0 }, grid: { drawOnChartArea: false } }
        }
      }
    });
  }
})();
