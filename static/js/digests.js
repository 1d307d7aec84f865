// Digest preview: the department and date pickers navigate to the preview URL.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("[data-preview-form]");
  if (!form) return;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const department = form.querySelector("[data-preview-department]").value;
    const day = form.querySelector("[data-preview-day]").value;
    if (department && day) {
      window.location.href = `/digests/preview/${department}/${day}/`;
    }
  });
});
