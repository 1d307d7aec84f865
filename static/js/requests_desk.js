// Guest requests: show only the chosen type's fields on the request form, and print buttons.
// Loaded as a file (strict CSP: no inline scripts).
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
  }

  document.addEventListener("DOMContentLoaded", function () {
    var select = document.querySelector("select[data-request-type]");
    if (select) {
      select.addEventListener("change", function () { showType(select); });
      showType(select);
    }
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();
