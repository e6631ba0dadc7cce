// eventwire dashboard: dyad picker, cooperation/conflict chart, actor network, event table, document view.
// Article text and every other stored string reach the page only through textContent and DOM nodes:
// this file never parses strings as HTML, and chart tooltips escape what they show.
"use strict";

(function () {
  const QUADS = [
    { key: "q1", name: "Verbal cooperation", color: "#8fd18b" },
    { key: "q2", name: "Material cooperation", color: "#2e9e4f" },
    { key: "q3", name: "Verbal conflict", color: "#f5a25d" },
    { key: "q4", name: "Material conflict", color: "#d63a2f" },
  ];
  const PAGE = 50;
  const $ = (id) => document.getElementById(id);
  const state = { a: "", b: "", both: true, freq: "month", start: "", end: "", filter: null, offset: 0,
                  total: 0, eventId: null };
  let seriesChart = null;
  let networkChart = null;
  let seriesRows = [];
  let busy = 0;

  // ------------------------------------------------------------------ helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function esc(s) { return window.echarts.format.encodeHTML(String(s === null || s === undefined ? "" : s)); }

  function setBusy(delta) {
    busy += delta;
    document.body.dataset.busy = busy > 0 ? "1" : "0";
  }

  function message(text) { $("message").textContent = text || ""; }

  async function api(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v === null || v === undefined || v === "") continue;
      for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item));
    }
    const url = path + (q.toString() ? "?" + q.toString() : "");
    setBusy(1);
    try {
      const res = await fetch(url, { headers: { Accept: "application/json" } });
      let body = null;
      try { body = await res.json(); } catch (e) { body = null; }
      if (!res.ok) throw new Error((body && body.error) || ("request failed: " + res.status));
      return body;
    } finally {
      setBusy(-1);
    }
  }

  function periodLabel(period) {
    if (!period) return "";
    if (state.freq === "month") return period.slice(0, 7);
    if (state.freq === "year") return period.slice(0, 4);
    return period;
  }

  function dyadLabel() {
    if (!state.a) return "";
    if (!state.b) return state.a + " with everyone";
    return state.a + (state.both ? " ↔ " : " → ") + state.b;
  }

  function goldsteinColor(g) {
    if (g === null || g === undefined || Number.isNaN(g)) return "#9e9e9e";
    const t = Math.max(-1, Math.min(1, g / 7));
    const grey = [158, 158, 158], red = [198, 40, 40], green = [46, 125, 50];
    const to = t < 0 ? red : green, f = Math.abs(t);
    const c = grey.map((v, i) => Math.round(v + (to[i] - v) * f));
    return "rgb(" + c.join(",") + ")";
  }

  function dyadParams() {
    return { a: state.a, b: state.b || null, both_directions: state.both ? "true" : "false" };
  }

  function saveHash() {
    const q = new URLSearchParams();
    for (const k of ["a", "b", "freq", "start", "end"]) if (state[k]) q.set(k, state[k]);
    if (!state.both) q.set("both", "0");
    history.replaceState(null, "", "#" + q.toString());
  }

  function loadHash() {
    const q = new URLSearchParams(location.hash.slice(1));
    for (const k of ["a", "b", "freq", "start", "end"]) if (q.get(k)) state[k] = q.get(k);
    if (q.get("both") === "0") state.both = false;
  }

  // ------------------------------------------------------------------ actors and controls

  async function loadActors() {
    const data = await api("api/actors");
    $("store-stats").textContent = data.events + " events from " + data.documents + " documents, " +
      data.actors.length + " actors";
    const a = $("actor-a"), b = $("actor-b");
    a.replaceChildren();
    b.replaceChildren(el("option", { value: "" }, "everyone"));
    for (const row of data.actors) {
      const label = row.code + " (" + row.count + ")";
      a.append(el("option", { value: row.code }, label));
      b.append(el("option", { value: row.code }, label));
    }
    const codes = new Set(data.actors.map((r) => r.code));
    if (!codes.has(state.a)) state.a = data.actors.length ? data.actors[0].code : "";
    if (state.b && !codes.has(state.b)) state.b = "";
    syncControls();
    if (!data.actors.length) message("The store has no events yet.");
  }

  function syncControls() {
    $("actor-a").value = state.a;
    $("actor-b").value = state.b;
    $("both").checked = state.both;
    $("freq").value = state.freq;
    $("start").value = state.start;
    $("end").value = state.end;
  }

  function readControls() {
    state.a = $("actor-a").value;
    state.b = $("actor-b").value;
    state.both = $("both").checked;
    state.freq = $("freq").value;
    state.start = $("start").value;
    state.end = $("end").value;
  }

  // ------------------------------------------------------------------ time chart

  async function loadSeries() {
    if (!state.a) return;
    const data = await api("api/dyad", { ...dyadParams(), freq: state.freq, start: state.start, end: state.end });
    seriesRows = data.series;
    const t = data.totals;
    $("series-title").textContent = "Cooperation and conflict: " + dyadLabel();
    const coop = t.q1 + t.q2, conf = t.q3 + t.q4;
    $("series-summary").textContent = t.count + (t.count === 1 ? " event" : " events") + " — cooperation " + coop + ", conflict " + conf +
      (t.goldstein_mean === null ? "" : ", mean Goldstein " + t.goldstein_mean.toFixed(2));
    const labels = seriesRows.map((r) => periodLabel(r.period));
    const series = QUADS.map((q) => ({
      name: q.name, type: "bar", stack: "events", data: seriesRows.map((r) => r[q.key]),
      itemStyle: { color: q.color }, emphasis: { focus: "series" }, barMaxWidth: 48,
    }));
    series.push({
      name: "Mean Goldstein", type: "line", yAxisIndex: 1, connectNulls: false, symbolSize: 6,
      data: seriesRows.map((r) => (r.goldstein_mean === null ? null : Math.round(r.goldstein_mean * 100) / 100)),
      itemStyle: { color: "#1d2430" }, lineStyle: { width: 2 }, z: 5,
    });
    seriesChart.setOption({
      animation: false,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, data: [...QUADS.map((q) => q.name), "Mean Goldstein"] },
      grid: { left: 48, right: 52, top: 40, bottom: 28 },
      xAxis: { type: "category", data: labels },
      yAxis: [
        { type: "value", name: "events", minInterval: 1 },
        { type: "value", name: "Goldstein", min: -10, max: 10, splitLine: { show: false } },
      ],
      series,
    }, true);
  }

  // ------------------------------------------------------------------ network

  async function loadNetwork() {
    const data = await api("api/network", { start: state.start, end: state.end, min_count: 1, max_edges: 150 });
    const maxNode = Math.max(1, ...data.nodes.map((n) => n.count));
    const maxEdge = Math.max(1, ...data.edges.map((e) => e.count));
    const picked = new Set([state.a, state.b].filter(Boolean));
    const dense = data.nodes.length > 15;
    networkChart.setOption({
      animation: false,
      tooltip: {
        formatter: (p) => {
          if (p.dataType === "edge") {
            const g = p.data.goldstein;
            return esc(p.data.source) + " → " + esc(p.data.target) + ": " + esc(p.data.value) + " events" +
              (g === null ? "" : ", mean Goldstein " + esc(g.toFixed(2)));
          }
          return esc(p.name) + ": " + esc(p.value) + " events";
        },
      },
      series: [{
        type: "graph", layout: "force", roam: true, draggable: true,
        force: dense
          ? { repulsion: 110, gravity: 0.3, edgeLength: [30, 100], layoutAnimation: false }
          : { repulsion: 300, gravity: 0.2, edgeLength: [80, 150], layoutAnimation: false },
        label: { show: true, position: "right", fontWeight: "bold" },
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 9,
        lineStyle: { curveness: 0.22, opacity: 0.9 },
        emphasis: { focus: "adjacency", lineStyle: { width: 5 } },
        data: data.nodes.map((n) => ({
          name: n.code, value: n.count, symbolSize: (dense ? 8 : 12) + (dense ? 18 : 26) * Math.sqrt(n.count / maxNode),
          itemStyle: { color: picked.has(n.code) ? "#2f5fb3" : "#8795ab", borderColor: "#fff", borderWidth: 1 },
        })),
        links: data.edges.map((e) => ({
          source: e.source, target: e.target, value: e.count, goldstein: e.goldstein_mean,
          lineStyle: { color: goldsteinColor(e.goldstein_mean),
                       width: (dense ? 0.6 : 1.2) + (dense ? 3 : 5) * Math.sqrt(e.count / maxEdge) },
        })),
      }],
    }, true);
  }

  // ------------------------------------------------------------------ event table

  async function loadTable() {
    if (!state.a) return;
    const f = state.filter;
    const data = await api("api/events", {
      ...dyadParams(),
      start: f ? f.start : state.start, end: f ? f.end : state.end,
      quad_class: f && f.quad ? f.quad : null, limit: PAGE, offset: state.offset,
    });
    state.total = data.total;
    const body = $("events-table").tBodies[0];
    body.replaceChildren();
    for (const ev of data.events) body.append(eventRow(ev));
    $("table-count").textContent = data.total + (data.total === 1 ? " event" : " events");
    const last = Math.min(state.offset + data.events.length, data.total);
    $("page-info").textContent = data.total ? (state.offset + 1) + "–" + last + " of " + data.total : "";
    $("prev").disabled = state.offset === 0;
    $("next").disabled = last >= data.total;
    const chip = $("table-filter");
    if (f) {
      const clear = el("button", { type: "button", title: "show all periods", "aria-label": "clear filter" }, "×");
      clear.addEventListener("click", () => { state.filter = null; state.offset = 0; loadTable().catch(fail); });
      chip.replaceChildren(document.createTextNode(f.label), clear);
      chip.hidden = false;
    } else {
      chip.replaceChildren();
      chip.hidden = true;
    }
  }

  function actorCell(code, name) {
    if (!code) return el("td", {}, el("span", { class: "name" }, "—"));
    const named = name && name !== code;
    return el("td", { title: name || "" }, el("span", { class: "code" }, code), named ? " " : null,
      named ? el("span", { class: "name" }, name) : null);
  }

  function eventRow(ev) {
    const tr = el("tr", { tabindex: "0", dataset: { eventId: ev.event_id, docId: ev.doc_id } },
      el("td", {}, ev.date || ev.day || ""),
      actorCell(ev.source_code, ev.source_name),
      el("td", {}, el("span", { class: "type q" + (ev.quad_class || 0), title: ev.trigger_text || "" }, ev.event_type)),
      actorCell(ev.target_code, ev.target_name),
      el("td", {}, el("span", { class: "mod-" + ev.modality }, ev.modality)),
      el("td", { class: "num" }, ev.confidence === null ? "" : ev.confidence.toFixed(2)));
    if (ev.event_id === state.eventId) tr.classList.add("selected");
    const open = () => {
      for (const r of $("events-table").querySelectorAll("tr.selected")) r.classList.remove("selected");
      tr.classList.add("selected");
      openDocument(ev.doc_id, ev.event_id).catch(fail);
    };
    tr.addEventListener("click", open);
    tr.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
    return tr;
  }

  // ------------------------------------------------------------------ document view

  async function openDocument(docId, eventId) {
    const data = await api("api/documents/" + encodeURIComponent(docId));
    state.eventId = eventId;
    const d = data.document;
    $("doc-empty").hidden = true;
    $("doc-title").textContent = d.title || d.id;
    $("doc-meta").textContent = [d.source, d.published, "id " + d.id].filter(Boolean).join(" · ");
    const ev = data.events.find((e) => e.event_id === eventId) || data.events[0] || null;
    renderText(d.text, ev);
    const list = $("doc-events");
    list.replaceChildren();
    for (const e of data.events) {
      const li = el("li", { tabindex: "0", class: e === ev ? "current" : null, dataset: { eventId: e.event_id } },
        (e.source_code || "?") + " " + e.event_type + " " + (e.target_code || "—") + " (" + e.modality + ") — “" +
        (e.trigger_text || "") + "”");
      li.addEventListener("click", () => {
        for (const x of list.children) x.classList.remove("current");
        li.classList.add("current");
        state.eventId = e.event_id;
        renderText(d.text, e);
      });
      list.append(li);
    }
    $("doc-events-head").hidden = data.events.length === 0;
  }

  // The text as plain text nodes, cut at span edges; covered pieces get <mark>/<span> classes.
  function renderText(text, ev) {
    const box = $("doc-text");
    box.replaceChildren();
    if (text === null || text === undefined) {
      box.append(el("em", {}, "The document's text is not in the store (it was ingested as coded events)."));
      if (ev && ev.text) box.append(el("p", {}, el("span", { class: "hl-sentence" }, ev.text)));
      return;
    }
    const n = text.length;
    const spans = [];
    const add = (start, end, cls) => {
      if (start === null || end === null || start === undefined || end === undefined) return;
      const s = Math.max(0, Math.min(n, start)), e = Math.max(0, Math.min(n, end));
      if (e > s) spans.push({ s, e, cls });
    };
    if (ev) {
      add(ev.sentence_start, ev.sentence_end, "hl-sentence");
      add(ev.source_start, ev.source_end, "hl-source");
      add(ev.target_start, ev.target_end, "hl-target");
      add(ev.trigger_start, ev.trigger_end, "hl-trigger");
    }
    const cuts = new Set([0, n]);
    for (const sp of spans) { cuts.add(sp.s); cuts.add(sp.e); }
    const edges = [...cuts].sort((x, y) => x - y);
    let first = null;
    for (let i = 0; i + 1 < edges.length; i++) {
      const s = edges[i], e = edges[i + 1];
      const piece = text.slice(s, e);
      const on = spans.filter((sp) => sp.s <= s && sp.e >= e).map((sp) => sp.cls);
      if (!on.length) { box.append(document.createTextNode(piece)); continue; }
      const marks = on.filter((c) => c !== "hl-sentence");
      let node = document.createTextNode(piece);
      if (marks.length) {
        const m = el("mark", { class: marks.join(" "), title: marks.map((c) => c.slice(3)).join(", ") });
        m.append(node);
        node = m;
      }
      if (on.includes("hl-sentence")) {
        const wrap = el("span", { class: "hl-sentence" });
        wrap.append(node);
        node = wrap;
      }
      box.append(node);
      if (!first) first = node;
    }
    if (first && first.scrollIntoView) {
      box.scrollTop = Math.max(0, (first.offsetTop || 0) - box.offsetTop - 40);
    }
  }

  // ------------------------------------------------------------------ wiring

  function fail(err) { message(err && err.message ? err.message : String(err)); }

  async function refresh(withNetwork) {
    message("");
    state.filter = null;
    state.offset = 0;
    saveHash();
    const jobs = [loadSeries(), loadTable()];
    if (withNetwork) jobs.push(loadNetwork());
    const results = await Promise.allSettled(jobs);
    const bad = results.find((r) => r.status === "rejected");
    if (bad) fail(bad.reason);
  }

  function onChartClick(p) {
    const row = seriesRows[p.dataIndex];
    if (!row) return;
    const quad = p.seriesIndex < 4 ? p.seriesIndex + 1 : null;
    state.filter = { start: row.period, end: row.period_end, quad,
                     label: periodLabel(row.period) + (quad ? " · " + QUADS[quad - 1].name.toLowerCase() : "") };
    state.offset = 0;
    loadTable().catch(fail);
  }

  function onNetworkClick(p) {
    if (p.dataType === "edge") { state.a = p.data.source; state.b = p.data.target; state.both = true; }
    else if (p.dataType === "node") { state.a = p.name; state.b = ""; }
    else return;
    syncControls();
    refresh(true).catch(fail);
  }

  async function start() {
    seriesChart = window.echarts.init($("series-chart"));
    networkChart = window.echarts.init($("network-chart"));
    seriesChart.on("click", onChartClick);
    networkChart.on("click", onNetworkClick);
    window.addEventListener("resize", () => { seriesChart.resize(); networkChart.resize(); });
    $("controls").addEventListener("submit", (e) => e.preventDefault());
    for (const id of ["actor-a", "actor-b", "both", "freq"]) {
      $(id).addEventListener("change", () => { readControls(); refresh(id.startsWith("actor")).catch(fail); });
    }
    for (const id of ["start", "end"]) {
      $(id).addEventListener("change", () => { readControls(); refresh(true).catch(fail); });
    }
    $("swap").addEventListener("click", () => {
      if (!state.b) return;
      [state.a, state.b] = [state.b, state.a];
      syncControls();
      refresh(true).catch(fail);
    });
    $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable().catch(fail); });
    $("next").addEventListener("click", () => { state.offset += PAGE; loadTable().catch(fail); });
    loadHash();
    try {
      await loadActors();
      await refresh(true);
    } catch (err) {
      fail(err);
    }
    document.body.dataset.ready = "1";
  }

  window.addEventListener("DOMContentLoaded", () => { start(); });
})();
