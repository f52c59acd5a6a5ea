// Charts for the manager's dashboard. Loaded only by that page; Chart.js is fetched on first use.
// Every chart repeats a table on the page, which is the text alternative: the canvases are images
// with a one-line summary, and the legend and tooltips name each series, so nothing is colour alone.
const colours = { 'Completed': '#007f3b', 'In progress': '#005eb8', 'Not started': '#4c6272', 'Overdue': '#d5281b' };
const charts = new Map();

async function chartJs() {
  if (!globalThis.Chart) {
    await import(new URL('../lib/chart.js/chart.umd.min.js', import.meta.url).href);
  }
  return globalThis.Chart;
}

function draw(Chart, canvas, config) {
  charts.get(canvas)?.destroy();
  charts.set(canvas, new Chart(canvas, config));
}

export async function render(monthsCanvas, months, rolesCanvas, roles) {
  const Chart = await chartJs();
  const animation = window.matchMedia('(prefers-reduced-motion: reduce)').matches ? false : undefined;
  draw(Chart, monthsCanvas, {
    type: 'bar',
    data: { labels: months.labels, datasets: [{ label: 'Completions', data: months.values, backgroundColor: colours['Completed'] }] },
    options: { animation, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  draw(Chart, rolesCanvas, {
    type: 'bar',
    data: {
      labels: roles.labels,
      datasets: roles.series.map(s => ({ label: s.label, data: s.values, backgroundColor: colours[s.label] })),
    },
    options: { animation, indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
  });
}

export function dispose() {
  for (const chart of charts.values()) chart.destroy();
  charts.clear();
}
