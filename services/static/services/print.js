// The guide's "print" button: shown only when scripts run (the browser's own
// print command works either way and uses the same print style sheet).
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
