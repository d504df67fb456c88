// Filters the findings by rule and severity. A finding is shown when both its rule and its
// severity are checked; hidden ones get the `hidden` attribute. The URL fragment can preset the
// filter: #hide=MR001,note unchecks rule MR001 and severity note (handy for sharing a view).
(function () {
  'use strict';
  var boxes = Array.prototype.slice.call(document.querySelectorAll('#filters input[type=checkbox]'));
  var findings = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
  var shown = document.getElementById('shown');
  function checked(kind) {
    var set = {};
    boxes.forEach(function (b) { if (b.dataset.filter === kind && b.checked) set[b.value] = true; });
    return set;
  }
  function apply() {
    var rules = checked('rule'), severities = checked('severity'), n = 0;
    findings.forEach(function (f) {
      var visible = !!rules[f.dataset.rule] && !!severities[f.dataset.severity];
      f.hidden = !visible;
      if (visible) n++;
    });
    shown.textContent = n + ' of ' + findings.length + ' findings shown';
    document.body.dataset.shown = String(n);
  }
  var m = /(?:^#|&)hide=([^&]*)/.exec(window.location.hash);
  if (m) {
    var hide = decodeURIComponent(m[1]).split(',');
    boxes.forEach(function (b) { if (hide.indexOf(b.value) >= 0) b.checked = false; });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  apply();
})();
