/* Hotel board: small progressive enhancements; every page works without them. */
(function () {
  "use strict";
  document.addEventListener("change", function (event) {
    var input = event.target.closest("[data-autosubmit]");
    if (input && input.value) {
      input.form.submit();
    }
  });
})();
