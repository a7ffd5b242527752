// Draws the charts of a page. Each chart is a <figure data-chart="bar"> holding its data in a
// <script type="application/json"> block (data, not code, so the Content-Security-Policy allows it);
// the same figures are always also in a table beside the chart.
(function () {
  function barChart(element, spec) {
    const chart = echarts.init(element, null, { renderer: 'canvas', locale: 'EN' });
    chart.setOption({
      animation: false,
      // A legend sits below the axis labels, never over them.
      grid: { left: 8, right: 24, top: 8, bottom: spec.series.length > 1 ? 36 : 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      xAxis: { type: 'value', minInterval: 1, max: spec.max == null ? undefined : spec.max },
      yAxis: { type: 'category', inverse: true, data: spec.labels, axisLabel: { width: 260, overflow: 'truncate' } },
      series: spec.series.map(s => ({ name: s.name, type: 'bar', stack: spec.stacked === false ? undefined : 'total', data: s.values, color: s.color })),
      legend: spec.series.length > 1 ? { bottom: 0 } : undefined,
    });
    window.addEventListener('resize', () => chart.resize());
    element.dataset.rendered = 'true';
  }

  function lineChart(element, spec) {
    const chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 8, right: 160, top: 16, bottom: 28, containLabel: true },
      legend: spec.series.length > 1 ? { bottom: 0 } : undefined,
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'category', data: spec.labels },
      yAxis: { type: 'value', scale: true },
      series: spec.series.map((s, i) => ({
        name: s.name, type: 'line', data: s.values, color: s.color, symbolSize: 7, connectNulls: true,
        lineStyle: s.dashed ? { type: 'dashed' } : undefined,
        // Target values of the plans as horizontal lines, labelled with the target.
        markLine: i === 0 && spec.targets && spec.targets.length
          ? { symbol: 'none', lineStyle: { type: 'dashed', color: '#1e6b34' }, label: { formatter: '{b}', position: 'end' },
              data: spec.targets.map(t => ({ name: t.name, yAxis: t.value })) }
          : undefined,
      })),
    });
    window.addEventListener('resize', () => chart.resize());
    element.dataset.rendered = 'true';
  }

  document.querySelectorAll('figure[data-chart]').forEach(figure => {
    const canvas = figure.querySelector('.chart-canvas');
    if (canvas.dataset.rendered) return;
    const spec = JSON.parse(figure.querySelector('script[type="application/json"]').textContent);
    // Set through the DOM, not a style attribute: the Content-Security-Policy forbids inline styles.
    canvas.style.height = canvas.dataset.height + 'px';
    if (figure.dataset.chart === 'bar') barChart(canvas, spec);
    if (figure.dataset.chart === 'line') lineChart(canvas, spec);
  });
})();
