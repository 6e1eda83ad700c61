// Draws the evaluation's charts, in the releases that carry an evaluation: per outline its plan areas, one bar
// each, stacked by the status of their indicators. The table below each chart holds the same numbers.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);

  document.querySelectorAll('.chart[data-kind="evaluation"]').forEach(function (el) {
    var e = data.evaluation && data.evaluation[el.getAttribute('data-plan')];
    if (!e) return;
    // marked drawn, so the report's resize handler resizes it with the others
    el.setAttribute('data-drawn', 'yes');
    echarts.init(el, null, {renderer: 'svg'}).setOption({
      aria: {enabled: true, label: {description: el.getAttribute('aria-label')}},
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {bottom: 0},
      grid: {left: 8, right: 24, top: 16, bottom: 48, containLabel: true},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', inverse: true, data: e.areas},
      series: e.statuses.map(function (s) {
        return {name: s.name, type: 'bar', stack: 'status', data: s.values, itemStyle: {color: s.color}};
      })
    });
  });
})();
