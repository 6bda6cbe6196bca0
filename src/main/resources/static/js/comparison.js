/* Open comparisons: the map coloured by the indicator's relative colours, and the trend chart. */
(function () {
  'use strict';
  var FILLS = { green: '#1a7f37', yellow: '#e3b505', red: '#c62828', grey: '#b0b7bf' };
  /* a neutral indicator has no relative colours: its map is shaded by value in five quantile classes */
  var SHADES = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

  function quantileBreaks(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var breaks = [];
    for (var i = 1; i < SHADES.length; i++) {
      breaks.push(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * i / SHADES.length))]);
    }
    return breaks;
  }

  function shadeOf(value, breaks) {
    var i = 0;
    while (i < breaks.length && value >= breaks[i]) { i++; }
    return SHADES[i];
  }
  var numberFormat = new Intl.NumberFormat(document.documentElement.lang || 'sv', { maximumFractionDigits: 1 });

  function map(element) {
    Promise.all([
      fetch(element.dataset.geo).then(function (r) { return r.json(); }),
      fetch(element.dataset.results, { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); })
    ]).then(function (results) {
      var byCode = {};
      results[1].municipalities.forEach(function (c) { byCode[c.area] = c; });
      var shaded = results[1].municipalities.every(function (c) { return !c.colour || c.colour === 'grey'; });
      var values = results[1].municipalities.filter(function (c) { return c.value !== null; }).map(function (c) { return c.value; });
      var breaks = quantileBreaks(values);
      var leaflet = L.map(element, { attributionControl: true, zoomSnap: 0.25 });
      var layer = L.geoJSON(results[0], {
        style: function (feature) {
          var c = byCode[feature.properties.code];
          var colour = !c || c.value === null ? FILLS.grey : (shaded ? shadeOf(c.value, breaks) : FILLS[c.colour] || FILLS.grey);
          return { weight: 0.5, color: '#444', fillOpacity: 0.85, fillColor: colour };
        },
        onEachFeature: function (feature, featureLayer) {
          var c = byCode[feature.properties.code];
          var shown = !c ? '-' : (c.value !== null ? numberFormat.format(c.value) : c.symbol);
          var label = c && c.colour ? ' (' + element.dataset['label' + c.colour.charAt(0).toUpperCase() + c.colour.slice(1)] + ')' : '';
          var popup = document.createElement('div');
          var title = document.createElement('strong');
          title.textContent = feature.properties.name;
          var text = document.createElement('div');
          text.textContent = shown + label;
          var link = document.createElement('a');
          link.href = element.dataset.link + feature.properties.code;
          link.textContent = feature.properties.name;
          popup.appendChild(title); popup.appendChild(text); popup.appendChild(link);
          featureLayer.bindPopup(popup);
          featureLayer.bindTooltip(feature.properties.name + ': ' + shown + label, { sticky: true });
        }
      }).addTo(leaflet);
      leaflet.fitBounds(layer.getBounds());
      var legend = document.getElementById('comparison-legend');
      if (legend && shaded && values.length > 0) {
        var edges = [Math.min.apply(null, values)].concat(breaks).concat([Math.max.apply(null, values)]);
        SHADES.forEach(function (shade, i) {
          legend.appendChild(entry(shade, numberFormat.format(edges[i]) + ' – ' + numberFormat.format(edges[i + 1])));
        });
        legend.appendChild(entry(FILLS.grey, element.dataset.labelGrey));
      } else if (legend) {
        ['green', 'yellow', 'red', 'grey'].forEach(function (key) {
          legend.appendChild(entry(FILLS[key], element.dataset['label' + key.charAt(0).toUpperCase() + key.slice(1)]));
        });
      }
    });
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

  function trend(canvas) {
    var points = JSON.parse(canvas.dataset.values);
    var datasets = [{ label: canvas.dataset.labelNation, data: points.map(function (p) { return p.nation; }),
                      borderColor: '#00507d', backgroundColor: '#00507d', spanGaps: true }];
    if (points.some(function (p) { return p.municipality !== null; })) {
      datasets.push({ label: canvas.dataset.labelMunicipality, data: points.map(function (p) { return p.municipality; }),
                      borderColor: '#b5376b', backgroundColor: '#b5376b', spanGaps: true });
      datasets.push({ label: canvas.dataset.labelGroup, data: points.map(function (p) { return p.groupMean; }),
                      borderColor: '#6b7785', backgroundColor: '#6b7785', borderDash: [5, 4], spanGaps: true });
    }
    new Chart(canvas, {
      type: 'line',
      data: { labels: points.map(function (p) { return p.year; }), datasets: datasets },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
                 scales: { y: { ticks: { callback: function (v) { return numberFormat.format(v); } } } } }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var element = document.getElementById('comparison-map');
    if (element && window.L) { map(element); }
    var canvas = document.getElementById('comparison-trend');
    if (canvas && window.Chart) { trend(canvas); }
  });
})();
