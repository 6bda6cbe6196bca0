// Samsyn page behaviour: CSRF for htmx, charts and the map. Loaded with defer; the page's own
// libraries (Chart.js, Leaflet) are deferred too, so everything starts on DOMContentLoaded.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener('htmx:configRequest', function (event) {
    var c = csrf();
    if (c && event.detail.verb !== 'get') {
      event.detail.headers[c.header] = c.token;
    }
  });

  var numberFormat = new Intl.NumberFormat(document.documentElement.lang || 'sv');

  function pyramid(canvas) {
    var data = JSON.parse(canvas.dataset.values);
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.bands,
        datasets: [
          { label: canvas.dataset.labelWomen, data: data.women.map(function (v) { return -v; }), backgroundColor: '#b5376b' },
          { label: canvas.dataset.labelMen, data: data.men, backgroundColor: '#1f6fa8' }
        ]
      },
      options: {
        indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: false,
        scales: {
          x: { stacked: true, ticks: { callback: function (v) { return numberFormat.format(Math.abs(v)); } } },
          y: { stacked: true, reverse: true }
        },
        plugins: {
          tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ': ' + numberFormat.format(Math.abs(ctx.raw)); } } }
        }
      }
    });
  }

  function trend(canvas) {
    var data = JSON.parse(canvas.dataset.values);
    new Chart(canvas, {
      type: 'line',
      data: { labels: data.years, datasets: [{ label: canvas.dataset.label, data: data.totals, borderColor: '#00507d', pointRadius: 0, tension: 0.1 }] },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        scales: { y: { ticks: { callback: function (v) { return numberFormat.format(v); } } } }
      }
    });
  }

  function distribution(canvas) {
    var data = JSON.parse(canvas.dataset.values);
    function shown(values) { return values.map(function (v) { return v === null ? 0 : v; }); }
    new Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.bins,
        datasets: [
          { label: canvas.dataset.labelBefore, data: shown(data.baseline), backgroundColor: '#9ecae1' },
          { label: canvas.dataset.labelAfter, data: shown(data.followUp), backgroundColor: '#08519c' }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
                 scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  }

  // Five quantile classes in a colour-blind-safe sequential blue scale.
  var COLOURS = ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'];
  var MISSING = '#bdbdbd';

  function quantileBreaks(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var breaks = [];
    for (var i = 1; i < COLOURS.length; i++) {
      breaks.push(sorted[Math.floor(i * sorted.length / COLOURS.length)]);
    }
    return breaks;
  }

  function classOf(value, breaks) {
    var i = 0;
    while (i < breaks.length && value >= breaks[i]) { i++; }
    return i;
  }

  function map(element) {
    var figure = element.dataset.figure;
    var label = element.dataset['label' + figure.charAt(0).toUpperCase() + figure.slice(1)];
    Promise.all([
      fetch(element.dataset.geo).then(function (r) { return r.json(); }),
      fetch(element.dataset.values).then(function (r) { return r.json(); })
    ]).then(function (results) {
      var geo = results[0];
      var byCode = {};
      results[1].forEach(function (m) { byCode[m.code] = m[figure]; });
      var values = Object.keys(byCode).map(function (k) { return byCode[k]; }).filter(function (v) { return v !== null && v !== undefined; });
      var breaks = quantileBreaks(values);
      var leaflet = L.map(element, { attributionControl: true, zoomSnap: 0.25 });
      var layer = L.geoJSON(geo, {
        style: function (feature) {
          var v = byCode[feature.properties.code];
          return { weight: 0.6, color: '#444', fillOpacity: 0.85,
                   fillColor: v === null || v === undefined ? MISSING : COLOURS[classOf(v, breaks)] };
        },
        onEachFeature: function (feature, featureLayer) {
          var v = byCode[feature.properties.code];
          var shown = v === null || v === undefined ? element.dataset.labelMissing : numberFormat.format(v);
          var popup = document.createElement('div');
          var title = document.createElement('strong');
          title.textContent = feature.properties.name;
          var text = document.createElement('div');
          text.textContent = label + ': ' + shown;
          var link = document.createElement('a');
          link.href = element.dataset.link + feature.properties.code;
          link.textContent = element.dataset.labelOpen;
          popup.appendChild(title); popup.appendChild(text); popup.appendChild(link);
          featureLayer.bindPopup(popup);
          featureLayer.bindTooltip(feature.properties.name + ': ' + shown, { sticky: true });
        }
      }).addTo(leaflet);
      leaflet.fitBounds(layer.getBounds());
      legend(document.getElementById('map-legend'), label, breaks, values, element.dataset.labelMissing);
    });
  }

  function legend(target, label, breaks, values, missingLabel) {
    if (!target) { return; }
    target.textContent = '';
    var heading = document.createElement('strong');
    heading.textContent = label + ':';
    target.appendChild(heading);
    var min = Math.min.apply(null, values);
    var max = Math.max.apply(null, values);
    var edges = [min].concat(breaks).concat([max]);
    for (var i = 0; i < COLOURS.length; i++) {
      target.appendChild(entry(COLOURS[i], numberFormat.format(edges[i]) + ' – ' + numberFormat.format(edges[i + 1])));
    }
    target.appendChild(entry(MISSING, missingLabel));
  }

  function entry(colour, text) {
    var item = document.createElement('span');
    var swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = colour;
    item.appendChild(swatch);
    item.appendChild(document.createTextNode(text));
    return item;
  }

  // The phone menu: a disclosure button (aria-expanded) that folds the account links and the main menu
  // away on narrow screens; samsyn.css shows the button and hides the folded parts only below 48rem.
  // Escape closes an open menu and gives the focus back to the button.
  function siteMenu() {
    var header = document.getElementById('site-header');
    var button = document.getElementById('menu-button');
    if (!header || !button) {
      return;
    }
    function show(open) {
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      header.classList.toggle('menu-closed', !open);
    }
    button.hidden = false;
    show(false);
    button.addEventListener('click', function () {
      show(button.getAttribute('aria-expanded') !== 'true');
    });
    header.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true' && button.offsetParent !== null) {
        show(false);
        button.focus();
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    siteMenu();
    if (window.Chart) {
      document.querySelectorAll('canvas[data-chart="pyramid"]').forEach(pyramid);
      document.querySelectorAll('canvas[data-chart="trend"]').forEach(trend);
      document.querySelectorAll('canvas[data-chart="distribution"]').forEach(distribution);
    }
    var mapElement = document.getElementById('map');
    if (mapElement && window.L) {
      map(mapElement);
    }
  });

  // A report swapped in by htmx brings a new distribution canvas.
  document.addEventListener('htmx:afterSwap', function (event) {
    if (window.Chart) {
      event.target.querySelectorAll('canvas[data-chart="distribution"]').forEach(distribution);
    }
  });
  // The indicator form shows only the chosen template's fields (the server renders the same on a
  // reload, so this only saves the "show the template's fields" round trip).
  function templateFields(select) {
    var option = select.options[select.selectedIndex];
    var fields = ' ' + (option ? option.getAttribute('data-fields') || '' : '') + ' ';
    document.querySelectorAll('[data-template-field]').forEach(function (field) {
      field.hidden = fields.indexOf(' ' + field.getAttribute('data-template-field') + ' ') < 0;
    });
  }

  document.addEventListener('change', function (event) {
    if (event.target.matches && event.target.matches('select#template[required]')) {
      templateFields(event.target);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    var show = document.getElementById('show-template-fields');
    if (show) {
      show.hidden = true;
    }
  });

  // Confirmation and progress for plain forms (the server never relies on either). A form with
  // data-confirm asks with that text (from the i18n bundles, naming the thing) before it is sent.
  // A form with data-busy or data-confirm, once sent, refuses a second submit, disables its buttons
  // (after the submitter's name and value are in the request) and writes the progress text of its
  // .busy-text live region, until the next page arrives.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) {
      return;
    }
    if (form.dataset.submitting === 'true') {
      event.preventDefault();
      return;
    }
    if (form.hasAttribute('data-confirm') && !window.confirm(form.getAttribute('data-confirm'))) {
      event.preventDefault();
      return;
    }
    if (!form.hasAttribute('data-busy') && !form.hasAttribute('data-confirm')) {
      return;
    }
    form.dataset.submitting = 'true';
    form.setAttribute('aria-busy', 'true');
    var live = form.querySelector('.busy-text');
    if (live) {
      live.textContent = live.dataset.text || '';
    }
    window.setTimeout(function () {
      form.querySelectorAll('button, input[type="submit"]').forEach(function (b) { b.disabled = true; });
    }, 0);
  });

  // A page restored from the back-forward cache gets its forms back in working order.
  window.addEventListener('pageshow', function (event) {
    if (!event.persisted) {
      return;
    }
    document.querySelectorAll('form[data-submitting="true"]').forEach(function (form) {
      delete form.dataset.submitting;
      form.removeAttribute('aria-busy');
      form.querySelectorAll('button, input[type="submit"]').forEach(function (b) { b.disabled = false; });
      var live = form.querySelector('.busy-text');
      if (live) {
        live.textContent = '';
      }
    });
  });
})();

// A button marked data-print prints the page with the print stylesheet (no inline script: CSP).
(function () {
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-print]') : null;
    if (button) {
      window.print();
    }
  });
})();
