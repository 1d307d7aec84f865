// Guest requests: show only the chosen type's fields and suppliers on the request form,
// find a stay by typing, and print buttons. Loaded as a file (strict CSP: no inline scripts).
(function () {
  "use strict";

  function showType(select) {
    var chosen = select.value;
    document.querySelectorAll("fieldset.type-fields").forEach(function (fieldset) {
      var shown = fieldset.dataset.type === chosen;
      // A hidden fieldset is also disabled, so its fields are neither sent nor validated.
      fieldset.hidden = !shown;
      fieldset.disabled = !shown;
    });
    showSuppliers(select);
  }

  // Offer only the suppliers who deliver the chosen type (the server refuses the others).
  function showSuppliers(select) {
    var option = select.options[select.selectedIndex];
    var category = option ? option.dataset.supplierCategory : "";
    var suppliers = document.querySelector("select[name=supplier]");
    if (!suppliers || !category) { return; }
    Array.prototype.forEach.call(suppliers.options, function (item) {
      if (!item.value) { return; }
      var fits = (item.dataset.categories || "").split(" ").indexOf(category) !== -1;
      item.hidden = !fits;
      item.disabled = !fits;
      if (!fits && item.selected) { suppliers.value = ""; }
    });
  }

  // Narrow the stay list to the options whose text holds every word typed.
  function filterStays(input) {
    var select = document.getElementById(input.dataset.staySearch);
    if (!select) { return; }
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var firstMatch = null;
    Array.prototype.forEach.call(select.options, function (item) {
      if (!item.value) { return; }
      var text = item.textContent.toLowerCase();
      var fits = words.every(function (word) { return text.indexOf(word) !== -1; });
      item.hidden = !fits;
      if (fits && firstMatch === null) { firstMatch = item; }
    });
    if (words.length && firstMatch && select.selectedOptions.length && select.selectedOptions[0].hidden) {
      select.value = firstMatch.value;
    } else if (words.length && firstMatch && !select.value) {
      select.value = firstMatch.value;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var select = document.querySelector("select[data-request-type]");
    if (select) {
      select.addEventListener("change", function () { showType(select); });
      showType(select);
    }
    document.querySelectorAll("input[data-stay-search]").forEach(function (input) {
      input.addEventListener("input", function () { filterStays(input); });
    });
  });
})();
