// Knowledge guide search: choosing a facet value filters at once; Escape closes the suggestions.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('guide-search');
    if (!form) {
      return;
    }
    form.querySelectorAll('.facets input[type=checkbox]').forEach(function (box) {
      box.addEventListener('change', function () { form.requestSubmit(); });
    });
    var q = document.getElementById('q');
    var list = document.getElementById('suggestions');
    if (q && list) {
      q.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
          list.innerHTML = '';
        }
      });
    }
  });
}());
