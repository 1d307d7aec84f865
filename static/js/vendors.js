// Suppliers and local guide: small enhancements; every page works without them.
(function () {
  "use strict";

  // Filters that apply as soon as they change.
  document.querySelectorAll("[data-autosubmit]").forEach(function (input) {
    input.addEventListener("change", function () { input.form.requestSubmit(); });
  });

  // On the sheet builder, changing the filters keeps the places already ticked.
  var filters = document.querySelector("[data-testid=guide-filters]");
  var sheetForm = document.querySelector("[data-testid=sheet-form]");
  if (filters && sheetForm) {
    filters.addEventListener("submit", function () {
      sheetForm.querySelectorAll("input[name=places]:checked").forEach(function (box) {
        var hidden = document.createElement("input");
        hidden.type = "hidden";
        hidden.name = "places";
        hidden.value = box.value;
        filters.appendChild(hidden);
      });
    });
  }

  // "Add a row" for inline formsets: clone the empty form, renumber __prefix__.
  document.querySelectorAll("[data-formset-add]").forEach(function (button) {
    var prefix = button.getAttribute("data-formset-add");
    var table = document.querySelector('[data-formset="' + prefix + '"]');
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    var max = document.getElementById("id_" + prefix + "-MAX_NUM_FORMS");
    var template = table && table.querySelector("template[data-formset-template]");
    if (!table || !total || !template) { return; }
    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      if (max && index >= parseInt(max.value, 10)) { return; }
      var html = template.innerHTML.replace(/__prefix__/g, String(index));
      table.querySelector("tbody").insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
    });
  });

  // The count of chosen places on the sheet builder.
  var counter = document.querySelector("[data-chosen-count]");
  if (counter) {
    var boxes = document.querySelectorAll('input[type=checkbox][name=places]');
    var update = function () {
      counter.textContent = String(Array.prototype.filter.call(boxes, function (b) { return b.checked; }).length);
    };
    boxes.forEach(function (box) { box.addEventListener("change", update); });
    update();
  }
})();
