// The vacancy search's map (Leaflet): the hits of the list as markers and the search radius as a circle. It only
// repeats the list, which stays the accessible main view: the map is aria-hidden, has no focusable controls and,
// unless an operator configures a tile server (data-tiles), loads no tiles — no third-party request.
(function () {
  "use strict";
  var map = null;

  function draw() {
    var element = document.getElementById("karte");
    if (map) {
      map.remove();
      map = null;
    }
    if (!element || typeof L === "undefined") {
      return;
    }
    element.classList.add("aktiv");
    // canvas: Leaflet sizes it with inline style (CSSOM, allowed by the CSP), which the portal's "svg { height: auto }" cannot override
    map = L.map(element, { zoomControl: false, keyboard: false, attributionControl: false, scrollWheelZoom: false, preferCanvas: true });
    var tiles = element.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18 }).addTo(map);
    }
    var bounds = [];
    var lat = parseFloat(element.getAttribute("data-lat"));
    var lon = parseFloat(element.getAttribute("data-lon"));
    var radiusKm = parseFloat(element.getAttribute("data-radius-km"));
    if (!isNaN(lat) && !isNaN(lon)) {
      if (radiusKm > 0) {
        var circle = L.circle([lat, lon], { radius: radiusKm * 1000, color: "#0b5394", weight: 2, fillOpacity: 0.06 }).addTo(map);
        bounds.push(circle.getBounds().getNorthWest(), circle.getBounds().getSouthEast());
      }
      L.circleMarker([lat, lon], { radius: 5, color: "#1a1a1a", fillOpacity: 1, interactive: false }).addTo(map);
      bounds.push([lat, lon]);
    }
    document.querySelectorAll(".stellen-liste li[data-lat]").forEach(function (item) {
      var position = [parseFloat(item.getAttribute("data-lat")), parseFloat(item.getAttribute("data-lon"))];
      var marker = L.circleMarker(position, { radius: 8, color: "#ffffff", weight: 2, fillColor: "#0b5394", fillOpacity: 1 }).addTo(map);
      marker.bindTooltip(item.getAttribute("data-titel"));
      marker.on("click", function () {
        window.location.href = item.getAttribute("data-href");
      });
      bounds.push(position);
    });
    if (bounds.length === 0) {
      element.classList.remove("aktiv");
      return;
    }
    map.fitBounds(bounds, { padding: [20, 20], maxZoom: 13 });
  }

  // live results: a changed choice (select, checkbox) sends the form through htmx; typed text waits for the button
  // or Enter, so that no swap interrupts someone typing
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.form && field.form.classList.contains("stellen-suche") && field.matches("select, input[type=checkbox]")) {
      field.form.requestSubmit();
    }
  });

  document.addEventListener("DOMContentLoaded", draw);
  // htmx swapped the results: the markers follow the new list
  document.addEventListener("htmx:afterSettle", draw);
})();
