// The company's workspace: a copy button for the HR client's secret, shown once. Without JavaScript the button stays
// hidden and the secret is plain selectable text.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-kopieren]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-kopieren"));
    var said = button.parentElement.querySelector(".firma-kopiert");
    if (!source || !navigator.clipboard) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        if (said) { said.textContent = "Kopiert."; }
      }, function () {
        if (said) { said.textContent = "Kopieren ging nicht – bitte markieren und selbst kopieren."; }
      });
    });
  });
});
