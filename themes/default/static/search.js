// Site search in the browser, no server: loads static/search/manifest.json, then
// only the index shards and result files a query needs. Folding and word rules
// are the same as src/search/fold.rs (a Rust test runs both on the same cases).
(function () {
  "use strict";

  // ---- Words and folding: keep in step with src/search/fold.rs ----
  var MAX_WORD = 40;
  var WORD_CHAR = /[\p{Alphabetic}\p{N}\p{M}]/u;

  // Letters, digits and combining marks; Vietnamese letters without a regex.
  function isWordCode(c) {
    if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) return c !== 0xd7 && c !== 0xf7;
    return WORD_CHAR.test(String.fromCodePoint(c));
  }
  function isDigitCode(c) { return c >= 48 && c <= 57; }

  // Words of a text with their UTF-16 offsets. A `.` or `,` between two digits
  // stays inside the word: `7.314`.
  function words(text) {
    var out = [], i = 0, n = text.length, c;
    while (i < n) {
      c = text.codePointAt(i);
      if (!isWordCode(c)) { i += c > 0xffff ? 2 : 1; continue; }
      var start = i, prevDigit = false;
      while (i < n) {
        c = text.codePointAt(i);
        if (isWordCode(c)) {
          prevDigit = isDigitCode(c);
          i += c > 0xffff ? 2 : 1;
        } else if ((c === 46 || c === 44) && prevDigit && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) {
          prevDigit = false;
          i += 1;
        } else {
          break;
        }
      }
      out.push({ word: text.slice(start, i), start: start, end: i });
    }
    return out;
  }
  // How a word was written: lower case, composed.
  function variant(w) { return w.toLowerCase().normalize("NFC"); }
  // The folded key: marks removed, đ → d, number separators dropped.
  function key(w) {
    return w.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f.,]/g, "").replace(/[đð]/g, "d");
  }
  // Two spellings are the same word when letters and marks agree, wherever the
  // tone mark sits: `hoà` and `hòa`.
  function sig(v) {
    var marks = v.normalize("NFD").replace(/[^\u0300-\u036f]/g, "").split("").sort().join("");
    return key(v) + "|" + marks + "|" + (v.match(/[đð]/g) || []).length;
  }
  function tooLong(w) { return w.length > MAX_WORD && Array.from(w).length > MAX_WORD; }

  // ---- The index's compact numbers: see src/search/encode.rs ----
  var ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
  var DIGIT = new Int8Array(128);
  for (var a = 0; a < 64; a++) DIGIT[ALPHABET.charCodeAt(a)] = a;

  function readNumber(text, st) {
    var v = 0, shift = 0, d;
    do { d = DIGIT[text.charCodeAt(st.i++) & 127]; v += (d & 31) * Math.pow(2, shift); shift += 5; } while (d & 32);
    return v;
  }
  function eachPosting(text, fn) {
    var st = { i: 0 }, next = 0;
    while (st.i < text.length) {
      var id = next + readNumber(text, st);
      fn(id, DIGIT[text.charCodeAt(st.i++) & 127]);
      next = id + 1;
    }
  }
  function numbers(text) {
    var st = { i: 0 }, out = [];
    while (st.i < text.length) out.push(readNumber(text, st));
    return out;
  }

  // ---- Queries ----
  function parse(q) {
    var ws = [], seen = {};
    words(q).forEach(function (t) {
      if (tooLong(t.word)) return;
      var v = variant(t.word), k = key(t.word);
      ws.push({ key: k, variant: v, sig: sig(v), marked: v !== k, dup: seen[k] === true });
      seen[k] = true;
    });
    var pairs = [];
    for (var i = 1; i < ws.length; i++) {
      var v2 = ws[i - 1].variant + " " + ws[i].variant;
      pairs.push({ key: ws[i - 1].key + " " + ws[i].key, sig: sig(v2), marked: ws[i - 1].marked || ws[i].marked });
    }
    return { words: ws.filter(function (w) { return !w.dup; }), pairs: pairs };
  }

  // Field weights: title, keywords, lead; then how often in the body (0–7).
  function weight(w) {
    return 1 + (w & 1 ? 4 : 0) + (w & 2 ? 2.5 : 0) + (w & 4 ? 1.5 : 0) + Math.log(1 + (w >> 3)) / Math.LN2;
  }

  // Scores one term (a word or a pair) into the per-document tables; a
  // document's best spelling of the term counts.
  function addTerm(term, entry, n, t, isPair) {
    if (!entry) return;
    var best = new Float64Array(n), exact = new Uint8Array(n), ids = [];
    Object.keys(entry).forEach(function (v) {
      var isExact = term.marked && sig(v) === term.sig;
      var factor = !term.marked || isExact ? 1 : 0.5;
      eachPosting(entry[v], function (id, w) {
        var s = weight(w) * factor;
        if (best[id] === 0) ids.push(id);
        if (s > best[id]) best[id] = s;
        if (isExact) exact[id] = 1;
      });
    });
    var idf = Math.log(1 + n / ids.length) * (isPair ? 1.5 : 1);
    ids.forEach(function (id) {
      t.score[id] += idf * best[id];
      if (isPair) { t.phrases[id]++; } else { t.matched[id]++; t.exact[id] += exact[id]; }
      t.hit[id] = 1;
    });
  }

  // All words first, then the query's own diacritics, then phrases, then score;
  // newer documents (higher ids) break ties.
  function rank(query, shards, n) {
    var t = { score: new Float64Array(n), matched: new Uint8Array(n), exact: new Uint8Array(n), phrases: new Uint8Array(n), hit: new Uint8Array(n) };
    query.words.forEach(function (w) { addTerm(w, shards(w.key), n, t, false); });
    query.pairs.forEach(function (p) { addTerm(p, shards(p.key), n, t, true); });
    // Two words must both be there (`da nang` is not every page with `đã`);
    // longer queries show pages with at least half of their words.
    var count = query.words.length, need = count <= 2 ? count : Math.ceil(count / 2), ids = [];
    for (var id = 0; id < n; id++) if (t.hit[id] && t.matched[id] >= need) ids.push(id);
    ids.sort(function (a, b) {
      return (t.matched[b] - t.matched[a]) || (t.exact[b] - t.exact[a]) || (t.phrases[b] - t.phrases[a]) || (t.score[b] - t.score[a]) || (b - a);
    });
    return ids;
  }

  // ---- Highlighting and excerpts, built from text nodes only ----
  function marked(text, keys) {
    var frag = document.createDocumentFragment(), at = 0;
    words(text).forEach(function (t) {
      if (!keys.has(key(t.word))) return;
      if (t.start > at) frag.appendChild(document.createTextNode(text.slice(at, t.start)));
      var m = document.createElement("mark");
      m.textContent = text.slice(t.start, t.end);
      frag.appendChild(m);
      at = t.end;
    });
    if (at < text.length) frag.appendChild(document.createTextNode(text.slice(at)));
    return frag;
  }

  var EXCERPT = 220;
  // The stretch of lead or body with the most different query words.
  function excerpt(doc, keys) {
    var best = { text: doc.s || doc.b || "", from: 0, count: 0 };
    [doc.s || "", doc.b || ""].forEach(function (text) {
      var hits = words(text).filter(function (t) { return keys.has(key(t.word)); });
      hits.forEach(function (h, i) {
        var seen = new Set();
        for (var j = i; j < hits.length && hits[j].end - h.start <= EXCERPT; j++) seen.add(key(hits[j].word));
        if (seen.size > best.count) best = { text: text, from: h.start, count: seen.size };
      });
    });
    var text = best.text, from = Math.max(0, best.from - 60);
    if (from > 0) { var sp = text.indexOf(" ", from); from = sp >= 0 && sp < best.from ? sp + 1 : best.from; }
    var to = Math.min(text.length, from + EXCERPT);
    if (to < text.length) { var end = text.lastIndexOf(" ", to); if (end > from) to = end; }
    return (from > 0 ? "… " : "") + text.slice(from, to) + (to < text.length ? " …" : "");
  }

  // ---- The page ----
  // The count's sentence: none, one (English "1 result") or many. The plural
  // rules of the page's language pick; Vietnamese has one form for all.
  function countText(texts, n, lang) {
    if (!n) return texts.none;
    var one = typeof Intl === "object" && Intl.PluralRules
      ? new Intl.PluralRules(lang || undefined).select(n) === "one"
      : n === 1;
    return one && texts.foundOne ? texts.foundOne : texts.found;
  }

  function start(root) {
    var base = root.getAttribute("data-index");
    var form = root.querySelector("form"), input = root.querySelector("input[name=q]");
    var groupSel = root.querySelector("select[name=cm]"), yearSel = root.querySelector("select[name=nam]");
    var status = root.querySelector("[data-status]"), list = root.querySelector("[data-results]");
    var more = root.querySelector("[data-more]");
    var texts = root.dataset;
    var manifest = null, meta = null, cache = new Map(), seq = 0, shown = 0, found = [], keys = new Set(), timer = 0;

    function get(path, fresh) {
      var url = base + path + (fresh ? "" : "?v=" + manifest.v);
      if (!cache.has(url)) {
        cache.set(url, fetch(url, fresh ? { cache: "no-cache" } : {}).then(function (r) {
          if (!r.ok) throw new Error(url + ": " + r.status);
          return r.json();
        }).catch(function (e) { cache.delete(url); throw e; }));
      }
      return cache.get(url);
    }
    function say(template, n, q) {
      status.textContent = template.replace("{n}", n.toLocaleString(document.documentElement.lang || undefined)).replace("{q}", q);
    }

    function loadManifest() {
      return get("manifest.json", true).then(function (m) {
        manifest = m;
        var groups = numbers(m.g), years = [];
        m.y.forEach(function (run) { for (var i = 0; i < run[1]; i++) years.push(run[0]); });
        meta = { groups: groups, years: years, prefixes: new Map(m.shards.map(function (p, i) { return [p, i]; })) };
        fillFilters(m, years);
      });
    }
    function fillFilters(m, years) {
      var params = new URLSearchParams(location.search);
      m.groups.forEach(function (g) { groupSel.appendChild(new Option(g.name, g.slug)); });
      Array.from(new Set(years.filter(Boolean))).sort(function (a, b) { return b - a; }).forEach(function (y) {
        yearSel.appendChild(new Option(String(y), String(y)));
      });
      groupSel.value = params.get("cm") || "";
      yearSel.value = params.get("nam") || "";
      root.querySelector("[data-filters]").hidden = false;
    }
    function shardOf(k) {
      var cs = Array.from(k);
      for (var len = cs.length; len >= 0; len--) {
        var i = meta.prefixes.get(cs.slice(0, len).join(""));
        if (i !== undefined) return i;
      }
      return -1;
    }

    function keepInUrl(q) {
      var params = new URLSearchParams();
      if (q) params.set("q", q);
      if (groupSel.value) params.set("cm", groupSel.value);
      if (yearSel.value) params.set("nam", yearSel.value);
      var s = params.toString();
      history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
    }

    function run() {
      if (!manifest) return; // the first search runs when the manifest is in
      var q = input.value.trim(), my = ++seq;
      mark("search-start");
      keepInUrl(q);
      var query = parse(q);
      if (!query.words.length) { list.textContent = ""; more.hidden = true; status.textContent = ""; done(q); return; }
      var terms = query.words.map(function (w) { return w.key; }).concat(query.pairs.map(function (p) { return p.key; }));
      var need = Array.from(new Set(terms.map(shardOf).filter(function (i) { return i >= 0; })));
      Promise.all(need.map(function (i) { return get("t/" + i + ".json"); })).then(function (loaded) {
        if (my !== seq) return;
        mark("search-shards");
        var byIndex = new Map(need.map(function (i, j) { return [i, loaded[j]]; }));
        var ids = rank(query, function (k) { var s = byIndex.get(shardOf(k)); return s && Object.prototype.hasOwnProperty.call(s, k) ? s[k] : null; }, manifest.n);
        var g = groupSel.value, gi = g ? manifest.groups.findIndex(function (x) { return x.slug === g; }) + 1 : 0, y = Number(yearSel.value || 0);
        found = ids.filter(function (id) { return (!gi || meta.groups[id] === gi) && (!y || meta.years[id] === y); });
        keys = new Set(query.words.map(function (w) { return w.key; }));
        mark("search-ranked");
        say(countText(texts, found.length, document.documentElement.lang), found.length, q);
        shown = 0;
        return showMore(my, true).then(function () { if (my === seq) done(q); });
      }).catch(function () { if (my === seq) { status.textContent = texts.error; done(q); } });
    }
    function done(q) {
      list.setAttribute("data-query", q);
      mark("search-done");
    }

    // Timings for the benchmark (benches/search.rs); cheap, and visible in the
    // browser's performance tools.
    function mark(name) { if (window.performance && performance.mark) performance.mark(name); }

    var PAGE = 10;
    // Shows the next results in order, each as soon as its file is in; the old
    // list stays until the first new result can replace it.
    function showMore(my, replace) {
      var ids = found.slice(shown, shown + PAGE), per = manifest.f || 1;
      shown += ids.length;
      more.hidden = shown >= found.length;
      if (replace && !ids.length) list.textContent = "";
      var files = ids.map(function (id) { return get("d/" + Math.floor(id / per) + ".json"); });
      return ids.reduce(function (chain, id, i) {
        return chain.then(function () { return files[i]; }).then(function (file) {
          if (my !== seq) return;
          if (replace && i === 0) list.textContent = "";
          list.appendChild(item(file[id % per], id));
          if (i === 0) mark("search-first");
        });
      }, Promise.resolve());
    }
    function item(doc, id) {
      var li = document.createElement("li"), h = document.createElement("h2"), a = document.createElement("a");
      li.className = "search-result";
      a.href = doc.u;
      a.appendChild(marked(doc.t, keys));
      h.appendChild(a);
      li.appendChild(h);
      var metaLine = document.createElement("p"), group = manifest.groups[meta.groups[id] - 1];
      metaLine.className = "search-meta";
      metaLine.textContent = [doc.d, group && group.name].filter(Boolean).join(" · ");
      if (metaLine.textContent) li.appendChild(metaLine);
      var p = document.createElement("p");
      p.className = "search-excerpt";
      p.appendChild(marked(excerpt(doc, keys), keys));
      li.appendChild(p);
      return li;
    }

    // Waits for a pause in typing, short enough to feel immediate.
    function later() { clearTimeout(timer); timer = setTimeout(run, 40); }
    input.addEventListener("input", later);
    groupSel.addEventListener("change", run);
    yearSel.addEventListener("change", run);
    form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); run(); });
    more.addEventListener("click", function () {
      var first = shown;
      showMore(seq).then(function () { var a = list.children[first] && list.children[first].querySelector("a"); if (a) a.focus(); });
    });
    input.addEventListener("keydown", function (e) {
      var a = list.querySelector("a");
      if (e.key === "ArrowDown" && a) { e.preventDefault(); a.focus(); }
    });

    input.value = new URLSearchParams(location.search).get("q") || "";
    loadManifest().then(run, function () { status.textContent = texts.error; });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { words: words, key: key, variant: variant, sig: sig, parse: parse, numbers: numbers, eachPosting: eachPosting, countText: countText };
  }
  if (typeof document !== "undefined") {
    var root = document.querySelector("[data-search]");
    if (root) start(root);
  }
})();
