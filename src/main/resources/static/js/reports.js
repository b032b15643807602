// Draws each <canvas data-chart="bar"> on the reports page with Chart.js (WebJar). The labels and values
// come as JSON in data attributes, so the page itself carries no script.
(function () {
  'use strict';

  function values(canvas, name) {
    return JSON.parse(canvas.getAttribute(name) || '[]');
  }

  function draw(canvas) {
    var labels = values(canvas, 'data-labels');
    var counts = values(canvas, 'data-values');
    new window.Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: 'Complaints', data: counts, backgroundColor: '#2f6fa7' }] },
      options: {
        indexAxis: 'y',
        animation: false,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
    canvas.closest('.chart').classList.add('drawn');
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.Chart) {
      return; // the tables below each chart still show the figures
    }
    document.querySelectorAll('canvas[data-chart="bar"]').forEach(draw);
  });
}());
