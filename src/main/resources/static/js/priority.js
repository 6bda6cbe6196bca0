// Priority setting: the coverage chart of a resource scenario and the print button of a list.
(function () {
  'use strict';

  var numberFormat = new Intl.NumberFormat(document.documentElement.lang || 'sv');

  function coverage(canvas) {
    var data = JSON.parse(canvas.dataset.values);
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.bands,
        datasets: [
          { label: canvas.dataset.labelNeeded, data: data.needed, backgroundColor: '#9ecae1' },
          { label: canvas.dataset.labelCovered, data: data.covered, backgroundColor: '#08519c' }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return numberFormat.format(v) + ' kr'; } } } },
        plugins: { tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ': ' + numberFormat.format(ctx.raw) + ' kr'; } } } }
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (window.Chart) {
      document.querySelectorAll('canvas[data-chart="coverage"]').forEach(coverage);
    }
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
  });
})();
