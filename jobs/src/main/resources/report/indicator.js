// Each indicator's page, at report.html#<code>: drawn from the data embedded in the page, so it works offline.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var pages = data.pages, words = data.words;
  var page = document.getElementById('indicator-page');
  if (!pages || !page) return;

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  // the lines a choice of the selector draws: the total (with its interval and the year alone) and the sexes, or a breakdown
  function linesOf(p, choice) {
    if (choice < 0) {
      var lines = p.lines.slice();
      if (p.single) lines.push(p.single);
      return lines;
    }
    return p.breakdowns[choice].rows;
  }

  function option(p, lines, withBand) {
    var series = lines.map(function (l, i) {
      var s = {name: l.name, type: 'line', data: l.values, connectNulls: false, symbol: 'circle', symbolSize: 6};
      if (p.single && l === p.single) s.lineStyle = {type: 'dashed'};
      return s;
    });
    if (p.target && p.target.value !== null && series.length) {
      series[0].markLine = {symbol: 'none', silent: true, lineStyle: {type: 'dashed', color: '#2e7d32'},
        label: {formatter: words.target + ' ' + p.target.text}, data: [{yAxis: p.target.value}]};
    }
    var total = p.lines[0];
    if (withBand && total.low && total.high) {
      // the band: an invisible line at the lower bound and, stacked on it, the width of the interval
      series.push({name: words.band, type: 'line', stack: 'band', symbol: 'none', lineStyle: {opacity: 0}, data: total.low});
      series.push({name: words.band, type: 'line', stack: 'band', symbol: 'none', lineStyle: {opacity: 0},
        areaStyle: {color: '#1f4e79', opacity: 0.15},
        data: total.high.map(function (h, i) { return h === null || total.low[i] === null ? null : h - total.low[i]; })});
    }
    return {
      color: ['#1f4e79', '#c2185b', '#00838f', '#ef6c00', '#6d4c41', '#7b1fa2', '#455a64'],
      tooltip: {trigger: 'axis'}, legend: {bottom: 0, type: 'scroll'},
      grid: {left: 56, right: 24, top: 28, bottom: 56},
      xAxis: {type: 'category', data: data.years.map(String)},
      yAxis: {type: 'value', name: p.unit, scale: true},
      series: series
    };
  }

  function csv(p, lines) {
    var quote = function (s) { return '"' + String(s).replace(/"/g, '""') + '"'; };
    var rows = [[words.year].concat(lines.map(function (l) { return l.name; }))];
    data.years.forEach(function (y, i) {
      rows.push([y].concat(lines.map(function (l) { return l.values[i] === null ? '' : l.values[i]; })));
    });
    return 'data:text/csv;charset=utf-8,' + encodeURIComponent('\ufeff' + rows.map(function (r) { return r.map(quote).join(','); }).join('\r\n'));
  }

  function table(lines) {
    var t = el('table'), head = el('tr');
    head.appendChild(el('th', words.year, {scope: 'col'}));
    lines.forEach(function (l) { head.appendChild(el('th', l.name, {scope: 'col'})); });
    t.appendChild(el('thead')).appendChild(head);
    var body = t.appendChild(el('tbody'));
    data.years.forEach(function (y, i) {
      var tr = el('tr');
      tr.appendChild(el('th', String(y), {scope: 'row'}));
      lines.forEach(function (l) { tr.appendChild(el('td', l.values[i] === null ? '—' : String(l.values[i]), {'class': 'num'})); });
      body.appendChild(tr);
    });
    return t;
  }

  function show(code) {
    var p = pages[code];
    var old = page.querySelector('.chart');
    if (old && echarts.getInstanceByDom(old)) echarts.getInstanceByDom(old).dispose();
    page.textContent = '';
    page.appendChild(el('p')).appendChild(el('a', words.back, {href: '#'}));
    page.appendChild(el('h2', code + ' ' + p.name + '（' + p.unit + '）'));
    var status = page.appendChild(el('p', p.status + (p.note ? '：' + p.note : ''), {'class': 'status status-' + p.statusCode}));
    if (p.target) status.appendChild(el('span', '　' + words.target + ' ' + p.target.text + '（' + p.target.year + '）'));
    if (p.pooled) page.appendChild(el('p', p.pooled));
    var controls = page.appendChild(el('p', null, {'class': 'controls'}));
    var label = controls.appendChild(el('label', words.show + ' ', {'for': 'breakdown'}));
    var select = controls.appendChild(el('select', null, {id: 'breakdown'}));
    select.appendChild(el('option', words.total, {value: '-1'}));
    p.breakdowns.forEach(function (b, i) { select.appendChild(el('option', b.title, {value: String(i)})); });
    var download = controls.appendChild(el('a', words.csv, {download: code + '.csv', id: 'indicator-csv'}));
    var chart = page.appendChild(el('div', null, {'class': 'chart', role: 'img', 'aria-label': code + ' ' + p.name}));
    var holder = page.appendChild(el('div'));
    function draw() {
      var choice = Number(select.value), lines = linesOf(p, choice);
      var instance = echarts.getInstanceByDom(chart) || echarts.init(chart, null, {renderer: 'svg'});
      instance.setOption(option(p, lines, choice < 0), true);
      download.setAttribute('href', csv(p, lines));
      holder.textContent = '';
      holder.appendChild(table(lines));
    }
    select.addEventListener('change', draw);
    label.htmlFor = 'breakdown';
    page.appendChild(el('h3', words.warnings));
    var warnings = page.appendChild(el('ul'));
    (p.warnings.length ? p.warnings : [words.none]).forEach(function (w) { warnings.appendChild(el('li', w)); });
    var meta = page.appendChild(el('dl', null, {'class': 'meta'}));
    p.meta.forEach(function (m) { meta.appendChild(el('dt', m[0])); meta.appendChild(el('dd', m[1])); });
    document.body.classList.add('on-indicator');
    draw();
    window.scrollTo(0, 0);
  }

  function route() {
    var code = decodeURIComponent(location.hash.slice(1));
    if (pages[code]) show(code); else document.body.classList.remove('on-indicator');
  }
  window.addEventListener('hashchange', route);
  route();

  var search = document.getElementById('indicator-search');
  if (search) {
    search.addEventListener('input', function () {
      var q = search.value.trim().toLowerCase();
      document.querySelectorAll('#indicator-list li').forEach(function (li) {
        li.hidden = q !== '' && li.getAttribute('data-search').indexOf(q) < 0;
      });
    });
  }
})();
