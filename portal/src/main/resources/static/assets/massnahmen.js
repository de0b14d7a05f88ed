// The registration mail's link carries "#anmeldung=<id>&token=<secret>" in the fragment, which no browser sends to
// a server (no access log, no Referer has it). This moves it into the management page's POST form and takes it out
// of the address bar; the person then needs one click. Without JavaScript the page asks for the link instead.
(function () {
  var hash = window.location.hash.replace(/^#/, "");
  var form = document.getElementById("verwalten");
  if (!form || hash.indexOf("anmeldung=") < 0 || hash.indexOf("token=") < 0) {
    return;
  }
  form.elements.code.value = hash;
  document.getElementById("code-eingabe").hidden = true;
  document.getElementById("link-erkannt").hidden = false;
  history.replaceState(null, "", window.location.pathname);
})();
