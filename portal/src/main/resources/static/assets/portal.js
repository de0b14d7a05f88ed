// The portal's own script (CSP: no inline script). Pages work without it; it only adds the CSRF token to htmx's
// requests and moves focus to the result of a live update for screen readers.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  if (token) {
    event.detail.headers["X-CSRF-TOKEN"] = token.content;
  }
});
