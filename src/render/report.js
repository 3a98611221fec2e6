// corroborate report page: finding navigation (j/k, n/p), aligned sentences, kind filters.
(function () {
  "use strict";
  var findings = Array.prototype.slice.call(document.querySelectorAll("li.finding"));
  var status = document.getElementById("status");
  var help = document.getElementById("help");
  var current = -1;

  function byId(id) { return document.getElementById(id); }

  function clear() {
    var lit = document.querySelectorAll(".hit, .active, .linked, li.finding.current");
    for (var i = 0; i < lit.length; i++) {
      lit[i].classList.remove("hit", "active", "linked", "current",
        "rel-agreement", "rel-partial", "rel-contradiction");
    }
    status.textContent = "";
  }

  // Scrolls a sentence's column so that the sentence sits `offset` pixels below its top.
  function level(el, offset) {
    var column = el.closest("ol.sentences");
    if (column) { column.scrollTop = Math.max(0, el.offsetTop - offset); }
  }

  function visible(f) { return f.offsetParent !== null; }

  function select(i) {
    var shown = findings.filter(visible);
    if (!shown.length) { return; }
    current = (i + shown.length) % shown.length;
    clear();
    var f = shown[current];
    f.classList.add("current");
    f.focus({ preventScroll: true });
    f.scrollIntoView({ block: "nearest" });
    var ids = (f.getAttribute("data-s") || "").split(" ");
    var first = null;
    ids.forEach(function (id) {
      var s = byId(id);
      if (!s) { return; }
      s.classList.add("hit");
      if (!first) { first = s; }
      level(s, 40);
    });
    if (first) { first.closest(".columns").scrollIntoView({ block: "nearest" }); }
    status.textContent = "Finding " + (current + 1) + " of " + shown.length + ": " +
      f.querySelector(".badge").textContent;
  }

  function showLinks(s) {
    clear();
    s.classList.add("active");
    var column = s.closest("ol.sentences");
    var offset = s.offsetTop - (column ? column.scrollTop : 0);
    var links = (s.getAttribute("data-links") || "").split(" ").filter(Boolean);
    links.forEach(function (link) {
      var parts = link.split(":");
      var t = byId(parts[0]);
      if (!t) { return; }
      t.classList.add("linked", "rel-" + parts[1]);
      level(t, offset);
    });
    status.textContent = links.length ? links.length + " aligned sentence(s)" : "no aligned sentence";
  }

  findings.forEach(function (f) {
    f.addEventListener("click", function (e) {
      var go = e.target.closest("a.go");
      if (go) { e.preventDefault(); }
      select(findings.filter(visible).indexOf(f));
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("li.s"), function (s) {
    s.addEventListener("click", function () { showLinks(s); });
  });
  Array.prototype.forEach.call(document.querySelectorAll(".toggle input"), function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
      current = -1;
      clear();
    });
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || /^(INPUT|TEXTAREA|SELECT)$/.test(e.target.tagName)) { return; }
    switch (e.key) {
      case "j": case "n": select(current + 1); break;
      case "k": case "p": select(current < 0 ? -1 : current - 1); break;
      case "Escape": current = -1; clear(); help.hidden = true; break;
      case "?": help.hidden = !help.hidden; break;
      default: return;
    }
    e.preventDefault();
  });
})();
