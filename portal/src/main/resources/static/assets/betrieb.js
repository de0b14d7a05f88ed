// The night page (mein-bereich/betrieb): htmx swaps the status block every 15 s. The block is not a live region, or
// every refresh would be read aloud; this tells a screen reader the summary's sentence only when it changed.
(function () {
  function sentence() {
    var stand = document.querySelector("#lage [data-ansage]");
    return stand ? stand.getAttribute("data-ansage") : "";
  }
  var last = sentence();
  document.addEventListener("htmx:afterSettle", function () {
    var now = sentence();
    var region = document.getElementById("lage-ansage");
    if (region && now && now !== last) {
      region.textContent = now;
    }
    last = now;
  });
})();
