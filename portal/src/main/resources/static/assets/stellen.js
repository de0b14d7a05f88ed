// The vacancy search's map (Leaflet): the hits of the list as markers (each a link to its posting) and the search
// radius as a circle. It only repeats the list, which stays the accessible main view: the map is aria-hidden, nothing
// in it takes keyboard focus, and unless an operator configures a tile server (data-tiles) it loads no tiles — no
// third-party request; Leaflet draws markers and circle on a plain background. The data comes from the page itself
// (data attributes rendered by the server): the CSP allows no inline script.
(function () {
  "use strict";
  var map = null;

  function number(element, name) {
    return parseFloat(element.getAttribute(name));
  }

  // A marker is a link to the posting, drawn as a dot. Built as an element (never as HTML text): the title is the
  // company's text. tabindex -1: inside the aria-hidden map a link must not be reachable by keyboard (the list has it).
  function markerIcon(item) {
    var link = document.createElement("a");
    link.href = item.getAttribute("data-href");
    link.title = item.getAttribute("data-titel");
    link.tabIndex = -1;
    return L.divIcon({ className: "stellen-marker", html: link, iconSize: [26, 26], iconAnchor: [13, 13] });
  }

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
    map = L.map(element, { zoomControl: false, keyboard: false, attributionControl: false, scrollWheelZoom: false });
    var tiles = element.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, { maxZoom: 18 }).addTo(map);
    }
    // the view first: Leaflet places a circle only on a map that has one
    var centre = L.latLng(number(element, "data-lat"), number(element, "data-lon"));
    var radiusKm = number(element, "data-radius-km");
    var located = !isNaN(centre.lat) && !isNaN(centre.lng);
    var items = Array.prototype.filter.call(document.querySelectorAll(".stellen-liste li[data-lat]"), function (item) {
      return !isNaN(number(item, "data-lat")) && !isNaN(number(item, "data-lon"));
    });
    var bounds = L.latLngBounds([]);
    if (located) {
      bounds.extend(radiusKm > 0 ? centre.toBounds(radiusKm * 2000) : centre);
    }
    items.forEach(function (item) {
      bounds.extend([number(item, "data-lat"), number(item, "data-lon")]);
    });
    if (!bounds.isValid()) {
      element.classList.remove("aktiv");
      return;
    }
    map.fitBounds(bounds, { padding: [20, 20], maxZoom: 13 });
    if (located) {
      if (radiusKm > 0) {
        L.circle(centre, { radius: radiusKm * 1000, className: "stellen-umkreis", color: "#0b5394", weight: 2, fillOpacity: 0.06 }).addTo(map);
      }
      L.circleMarker(centre, { radius: 5, color: "#1a1a1a", fillOpacity: 1, interactive: false }).addTo(map);
    }
    items.forEach(function (item) {
      L.marker([number(item, "data-lat"), number(item, "data-lon")], { icon: markerIcon(item), keyboard: false }).addTo(map);
    });
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
