// The dashboard's only script: draws the progress chart, re-fetches the live part of a memo page when the
// server says something changed (Server-Sent Events, no polling), shows the steps of long work the server
// reports on the same stream, and sends action forms without a reload.
(function () {
  'use strict';
  var board = document.getElementById('board');
  var replyBox = document.getElementById('reply');
  var workBox = document.getElementById('work');
  var chart = null;
  var pending = false;
  var styles = [
    { pointStyle: 'circle', borderDash: [], color: '#1f7a3a' },
    { pointStyle: 'triangle', borderDash: [6, 3], color: '#b25e00' },
    { pointStyle: 'rect', borderDash: [2, 2], color: '#b3261e' },
    { pointStyle: 'crossRot', borderDash: [10, 4], color: '#5b6475' }
  ];

  function drawChart() {
    var data = document.getElementById('progress-data');
    var canvas = document.getElementById('progress-chart');
    if (!data || !canvas || !window.Chart) { return; }
    var parsed = JSON.parse(data.textContent);
    if (chart) { chart.destroy(); }
    var markers = parsed.markers.filter(function (m) { return m.index >= 0; });
    chart = new window.Chart(canvas, {
      type: 'line',
      data: {
        labels: parsed.labels,
        datasets: parsed.series.map(function (s, i) {
          var st = styles[i % styles.length];
          return { label: s.label, data: s.values, borderColor: st.color, backgroundColor: st.color, borderDash: st.borderDash,
                   pointStyle: st.pointStyle, pointRadius: 4, spanGaps: false, tension: 0 };
        })
      },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { labels: { usePointStyle: true } } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      },
      plugins: [{
        id: 'markers',
        afterDatasetsDraw: function (c) {
          var ctx = c.ctx, x = c.scales.x, area = c.chartArea, drawn = [], onDay = {};
          ctx.save(); ctx.strokeStyle = '#1d2330'; ctx.fillStyle = '#1d2330'; ctx.setLineDash([4, 4]);
          markers.forEach(function (m) {
            var px = x.getPixelForValue(m.index), text = String(m.label), row = onDay[m.index] = (onDay[m.index] || 0) + 1;
            ctx.beginPath(); ctx.moveTo(px, area.top); ctx.lineTo(px, area.bottom); ctx.stroke();
            // Right of its line, or left of it where the text would run past the plot (the deadline, usually).
            var right = px + 3 + ctx.measureText(text).width <= area.right;
            ctx.textAlign = right ? 'left' : 'right';
            ctx.fillText(text, right ? px + 3 : px - 3, area.top + 10 + 12 * (row - 1));
            drawn.push(text);
          });
          ctx.restore();
          c.canvas.dataset.markers = JSON.stringify(drawn); // what was drawn, for tests and for anyone inspecting the page
        }
      }]
    });
  }

  // Long work (compile, circulate) reports steps over the live stream; an empty text clears the region.
  function showWork(step) {
    if (!workBox) { return; }
    workBox.textContent = step.text || '';
    workBox.dataset.finished = step.finished ? 'true' : 'false';
    if (step.text && !step.finished) {
      var bar = document.createElement('progress');
      bar.setAttribute('aria-hidden', 'true'); // the text says the same
      if (step.total > 0) { bar.max = step.total; bar.value = step.done; }
      workBox.appendChild(bar);
    }
  }

  function typing() {
    var active = document.activeElement;
    return board && active && board.contains(active) && (active.tagName === 'INPUT' || active.tagName === 'TEXTAREA') && active.value !== '';
  }

  function refresh(force) {
    if (!board) { return Promise.resolve(); }
    if (!force && typing()) { pending = true; return Promise.resolve(); }
    pending = false;
    return fetch(board.dataset.src, { headers: { 'X-Dashboard-Fragment': '1' }, credentials: 'same-origin' }).then(function (r) {
      if (r.status === 403) { window.location.reload(); return; }
      return r.text().then(function (html) {
        var focusedId = document.activeElement && document.activeElement.id;
        var typed = {};
        board.querySelectorAll('input[id], textarea[id]').forEach(function (el) { if (el.value) { typed[el.id] = el.value; } });
        board.innerHTML = html;
        Object.keys(typed).forEach(function (id) { var el = document.getElementById(id); if (el && board.contains(el)) { el.value = typed[id]; } });
        drawChart();
        board.dataset.refreshed = String(Number(board.dataset.refreshed || '0') + 1);
        if (focusedId && document.getElementById(focusedId)) { document.getElementById(focusedId).focus(); }
      });
    });
  }

  function nonce() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }

  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!form.hasAttribute('data-act') || !replyBox) { return; }
    e.preventDefault();
    var button = form.querySelector('button[type=submit]');
    if (button) { button.disabled = true; }
    replyBox.textContent = 'Working…';
    // form.action would be the hidden field named "action", not the attribute
    fetch(form.getAttribute('action'), { method: 'POST', body: new FormData(form), headers: { 'X-Dashboard-Fragment': '1' }, credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 403) { window.location.reload(); return; }
        return r.text().then(function (html) { replyBox.innerHTML = html; });
      })
      .catch(function () { replyBox.textContent = 'The dashboard could not be reached. Nothing was sent twice; try again.'; })
      .finally(function () {
        var field = form.querySelector('input[name=nonce]');
        if (field) { field.value = nonce(); }
        if (button) { button.disabled = false; }
        if (board && board.contains(form)) { form.reset(); }
        refresh(true);
      });
  });

  if (board) {
    board.addEventListener('focusout', function () { if (pending) { setTimeout(function () { refresh(false); }, 0); } });
    var events = new EventSource(board.dataset.events);
    events.addEventListener('open', function () { board.dataset.live = 'open'; });
    events.addEventListener('changed', function () { refresh(false); });
    events.addEventListener('progress', function (e) { showWork(JSON.parse(e.data)); });
    events.addEventListener('signedout', function () { events.close(); window.location.reload(); });
  }

  drawChart();
})();
