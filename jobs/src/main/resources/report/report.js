// Draws the report's charts from the data embedded in the page. Every chart has a table beside it with
// the same numbers, so the report reads the same without scripts or for a screen reader.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var palette = ['#1f4e79', '#c2185b', '#00838f', '#ef6c00', '#6d4c41'];

  // ECharts replaces the element's aria-label with its own; keep the page's, which names the indicator
  function aria(el) {
    return {enabled: true, label: {description: el.getAttribute('aria-label')}};
  }

  function trend(el, s) {
    echarts.init(el, null, {renderer: 'svg'}).setOption({
      aria: aria(el),
      color: palette,
      tooltip: {trigger: 'axis'},
      legend: {bottom: 0},
      grid: {left: 56, right: 16, top: 28, bottom: 56},
      xAxis: {type: 'category', data: data.years.map(String)},
      yAxis: {type: 'value', name: s.unit, scale: true},
      series: s.lines.map(function (l) {
        return {name: l.name, type: 'line', data: l.values, connectNulls: false, symbol: 'circle', symbolSize: 7};
      })
    });
  }

  function towns(el, s) {
    echarts.init(el, null, {renderer: 'svg'}).setOption({
      aria: aria(el),
      color: palette,
      tooltip: {trigger: 'axis'},
      grid: {left: 96, right: 24, top: 28, bottom: 24},
      xAxis: {type: 'value', name: s.unit},
      yAxis: {type: 'category', inverse: true, data: s.towns.map(function (t) { return t.name; })},
      series: [{name: String(data.year), type: 'bar', data: s.towns.map(function (t) { return t.value; })}]
    });
  }

  function draw(el) {
    if (el.getAttribute('data-drawn')) return;
    var s = data.series[el.getAttribute('data-series')];
    if (!s) return;
    el.setAttribute('data-drawn', 'yes');
    var isTowns = el.getAttribute('data-kind') === 'towns';
    var hasData = isTowns
      ? s.towns.some(function (t) { return t.value !== null; })
      : s.lines.some(function (l) { return l.values.some(function (v) { return v !== null; }); });
    if (!hasData) {
      el.classList.add('empty');
      el.textContent = data.noData;
      return;
    }
    if (isTowns) towns(el, s); else trend(el, s);
  }

  // charts inside a closed drill-down have no size yet: draw them when it is opened
  document.querySelectorAll('.chart').forEach(function (el) {
    if (!el.closest('details')) draw(el);
  });
  document.querySelectorAll('details').forEach(function (d) {
    d.addEventListener('toggle', function () {
      if (d.open) d.querySelectorAll('.chart').forEach(draw);
    });
  });
  window.addEventListener('resize', function () {
    document.querySelectorAll('.chart[data-drawn]').forEach(function (el) {
      var chart = echarts.getInstanceByDom(el);
      if (chart) chart.resize();
    });
  });
})();
