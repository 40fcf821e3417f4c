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

  // Documents library: filter rows by kind and year without a server. The
  // choice is kept in the address (?loai=…&nam=…) so a filtered list can be shared.
  var form = $("[data-doc-filter]");
  if (form) {
    form.hidden = false;
    var count = $("[data-doc-count]");
    var rows = $$("table.documents tbody tr[data-kind]");
    var params = new URLSearchParams(window.location.search);
    ["loai", "nam"].forEach(function (name) {
      var value = params.get(name);
      var select = form.elements[name];
      if (value && select && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
      }
    });
    var apply = function () {
      var kind = form.elements.loai.value, year = form.elements.nam.value, shown = 0;
      rows.forEach(function (r) {
        var ok = (!kind || r.getAttribute("data-kind") === kind) && (!year || r.getAttribute("data-year") === year);
        r.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = shown + " / " + rows.length + " " + (count.getAttribute("data-of") || "");
      if (window.history && window.history.replaceState) {
        var q = new URLSearchParams();
        if (kind) q.set("loai", kind);
        if (year) q.set("nam", year);
        var s = q.toString();
        window.history.replaceState(null, "", window.location.pathname + (s ? "?" + s : ""));
      }
    };
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
})();
