// Small progressive enhancements; every page works and reads without this file.
(function () {
  "use strict";
  var $ = function (sel) { return document.querySelector(sel); };
  var $$ = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); };

  // Today's date in words ("Thứ Hai, 23/11/2026"), written here rather than at
  // build time so that two builds of the same site stay byte-identical.
  var today = $("[data-today]");
  if (today) {
    var days = (today.getAttribute("data-days") || "").split(",");
    var d = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    var date = two(d.getDate()) + "/" + two(d.getMonth() + 1) + "/" + d.getFullYear();
    today.textContent = (days.length === 7 ? days[d.getDay()] + ", " : "") + date;
  }

  // Phone menu: folded behind a button (folded from the first paint by the
  // `js` class base.html sets); without JavaScript it is simply open.
  var toggle = $("[data-menu-toggle]");
  if (toggle) {
    var menu = toggle.closest(".menu");
    var setOpen = function (open) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    };
    toggle.hidden = false;
    setOpen(false);
    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });
  }

  // The sidebar frame (base.html): as tall as what it holds, again whenever
  // that changes (a narrower window wraps more lines).
  $$("iframe[data-side-frame]").forEach(function (frame) {
    var fit = function () {
      var doc = frame.contentDocument;
      if (doc && doc.body && doc.readyState === "complete") frame.style.height = doc.body.offsetHeight + "px";
    };
    var watch = function () {
      fit();
      var doc = frame.contentDocument;
      if (window.ResizeObserver && doc && doc.body) new ResizeObserver(fit).observe(doc.body);
    };
    frame.addEventListener("load", watch);
    if (frame.contentDocument && frame.contentDocument.URL !== "about:blank") watch();
  });

  // Print button: the browser's own print, no third-party script.
  $$("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });

  // A chart's data table is folded on screen and printed open.
  var folded = [];
  window.addEventListener("beforeprint", function () {
    folded = $$("details:not([open])");
    folded.forEach(function (el) { el.open = true; });
  });
  window.addEventListener("afterprint", function () {
    folded.forEach(function (el) { el.open = false; });
    folded = [];
  });

  // Documents library: filter rows by kind, issuer, field, year and status
  // without a server. Each select's name is a row's data-<name>; the choice is
  // kept in the address (?loai=…&nam=…) so a filtered list can be shared.
  var form = $("[data-doc-filter]");
  if (form) {
    form.hidden = false;
    var count = $("[data-doc-count]");
    var rows = $$("table.documents tbody tr[data-doc]");
    var selects = $$("[data-doc-filter] select");
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var value = params.get(select.name);
      if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
      }
    });
    var apply = function () {
      var shown = 0, q = new URLSearchParams();
      selects.forEach(function (s) { if (s.value) q.set(s.name, s.value); });
      rows.forEach(function (r) {
        var ok = selects.every(function (s) { return !s.value || r.getAttribute("data-" + s.name) === s.value; });
        r.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = shown + " / " + rows.length + " " + (count.getAttribute("data-of") || "");
      if (window.history && window.history.replaceState) {
        var text = q.toString();
        window.history.replaceState(null, "", window.location.pathname + (text ? "?" + text : ""));
      }
    };
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
  // YouTube video: a link until the reader clicks it; only then is the
  // player (youtube-nocookie.com) loaded in its place. Until then the page asks
  // nothing of another host.
  $$("a[data-youtube]").forEach(function (a) {
    a.addEventListener("click", function (e) {
      e.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = a.getAttribute("data-youtube");
      frame.title = a.getAttribute("data-title") || "";
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.setAttribute("allowfullscreen", "");
      a.parentNode.replaceChild(frame, a);
      frame.focus();
    });
  });
})();
