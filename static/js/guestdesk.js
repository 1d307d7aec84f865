/* Shared by every page: print buttons, confirmations, charts (Chart.js, vendored) and the
 * labels of list cells shown as cards on a phone.
 *
 * A button with data-print (or data-print-now) prints the page. A <canvas data-chart="ID">
 * draws the chart described by the JSON script element ID (Django's json_script):
 * {"labels": [...], "series": [{"type": "bar"|"line", "label": ..., "data": [...],
 *  "colour": "#...", "axis": "y"}], "axes": {"y": {"min": 0, "max": 10, "side": "left"}}}.
 * A null in a line's data is a point without a value: the line joins its neighbours.
 */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print], [data-print-now]")) {
      window.print();
      return;
    }
    // A button that undoes or deletes asks first: <button data-confirm="Question?">.
    var button = event.target.closest("button[data-confirm]");
    if (button && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
    }
  });
  // The same for a whole form: <form data-confirm="Question?">.
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-confirm]");
    if (form && !window.confirm(form.dataset.confirm)) {
      event.preventDefault();
    }
  });

  function axes(spec) {
    var scales = {};
    var names = Object.keys(spec || { y: {} });
    names.forEach(function (name, index) {
      var axis = (spec || {})[name] || {};
      scales[name] = {
        position: axis.side || (index === 0 ? "left" : "right"),
        beginAtZero: axis.min === undefined,
        min: axis.min,
        max: axis.max,
        ticks: { precision: axis.precision === undefined ? 0 : axis.precision },
        grid: { drawOnChartArea: index === 0 }
      };
    });
    return scales;
  }

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || !window.Chart) { return; }
    var spec = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (series) {
          return {
            type: series.type || "bar",
            label: series.label,
            data: series.data,
            yAxisID: series.axis || "y",
            borderColor: series.colour,
            backgroundColor: series.colour,
            spanGaps: true,
            tension: 0.2
          };
        })
      },
      options: {
        maintainAspectRatio: false,
        animation: false,
        interaction: { mode: "index", intersect: false },
        scales: axes(spec.axes)
      }
    });
  }

  // Long staff lists send no label in every cell: <table class="table-cards" data-card-labels>
  // has its cells labelled from the header, for the card layout on a phone.
  function labelCells(table) {
    if (!table.tHead) { return; }
    var labels = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      return th.textContent.trim();
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, index) {
          if (cell.colSpan === 1 && labels[index] && !cell.hasAttribute("data-label")) {
            cell.setAttribute("data-label", labels[index]);
          }
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
    document.querySelectorAll("table[data-card-labels]").forEach(labelCells);
  });
})();
