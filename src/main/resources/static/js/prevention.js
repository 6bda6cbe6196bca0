// The balance chart of preventive work: per year, clients in casework beside persons reached by
// preventive activities. The numbers are also in the tables below the chart.
(function () {
  'use strict';
  function balance(canvas) {
    var data = JSON.parse(canvas.dataset.values);
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.years,
        datasets: [
          { label: canvas.dataset.labelClients, data: data.clients, backgroundColor: '#9ecae1' },
          { label: canvas.dataset.labelParticipants, data: data.participants, backgroundColor: '#08519c' }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
                 scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    if (window.Chart) {
      document.querySelectorAll('canvas[data-chart="balance"]').forEach(balance);
    }
  });
})();
