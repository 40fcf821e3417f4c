// Small progressive enhancements; every page works without this file.
(function () {
  "use strict";
  // Print button: the browser's own print, no third-party script.
  document.querySelectorAll("[data-print]").forEach(function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
  // Documents library: filter rows by kind and year without a server.
  var form = document.querySelector("[data-doc-filter]");
  if (form) {
    form.hidden = false;
    var count = document.querySelector("[data-doc-count]");
    var rows = document.querySelectorAll("table.documents tbody tr[data-kind]");
    var apply = function () {
      var kind = form.elements.loai.value, year = form.elements.nam.value, shown = 0;
      rows.forEach(function (r) {
        var ok = (!kind || r.dataset.kind === kind) && (!year || r.dataset.year === year);
        r.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = shown + " / " + rows.length;
    };
    form.addEventListener("change", apply);
  }
})();
