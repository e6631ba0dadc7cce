// eventwire dashboard: dyads compared on one time axis, filters (modality, type, quad class, text), actor
// network, event table with CSV download, document view. The view lives in the URL hash, so it can be shared.
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
  const DYAD_COLORS = ["#2f5fb3", "#c0392b", "#8e44ad", "#16a085", "#d35400", "#2c3e50", "#7f8c00", "#b03a7a"];
  const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                 "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
  const MODALITIES = ["asserted", "planned", "negated", "hypothetical", "all"];
  const FREQS = ["day", "week", "month", "year"];
  const MAX_DYADS = 8;
  const PAGE = 50;
  const $ = (id) => document.getElementById(id);
  const state = { dyads: [{ a: "", b: "" }], both: true, freq: "month", start: "", end: "", modality: "asserted",
                  type: "", quad: "", text: "", minCount: 1, filter: null, offset: 0, total: 0, eventId: null };
  let seriesChart = null;
  let networkChart = null;
  let seriesRows = [];     // single dyad: its rows; several: rows of the first (periods are shared)
  let compared = [];       // the dyads as the API answered them
  let actorRows = [];      // actors in the store
  let knownRows = [];      // known actors with no events
  let names = {};          // code -> name
  let busy = 0;
  let textTimer = null;
  const latest = { series: 0, network: 0, table: 0 };  // only the newest answer of each kind is drawn

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

  function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v === null || v === undefined || v === "") continue;
      for (const item of Array.isArray(v) ? v : [v]) q.append(k, String(item));
    }
    return q.toString();
  }

  async function api(path, params) {
    const q = query(params);
    setBusy(1);
    try {
      const res = await fetch(path + (q ? "?" + q : ""), { headers: { Accept: "application/json" } });
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

  function dyadKey(d) { return d.b ? d.a + "-" + d.b : d.a; }
  function dyadName(d) {
    if (!d.a) return "";
    if (!d.b) return d.a + " with everyone";
    return d.a + (state.both ? " ↔ " : " → ") + d.b;
  }
  function liveDyads() { return state.dyads.filter((d) => d.a); }

  function goldsteinColor(g) {
    if (g === null || g === undefined || Number.isNaN(g)) return "#9e9e9e";
    const t = Math.max(-1, Math.min(1, g / 7));
    const grey = [158, 158, 158], red = [198, 40, 40], green = [46, 125, 50];
    const to = t < 0 ? red : green, f = Math.abs(t);
    const c = grey.map((v, i) => Math.round(v + (to[i] - v) * f));
    return "rgb(" + c.join(",") + ")";
  }

  // the filters every request shares (modality, type, quad class, text)
  function filterParams() {
    return { modality: state.modality, event_type: state.type || null, quad_class: state.quad || null,
             text: state.text || null };
  }

  function selectionParams() {
    return { dyad: liveDyads().map(dyadKey), both_directions: state.both ? "true" : "false", ...filterParams() };
  }

  // ------------------------------------------------------------------ the view in the URL

  function saveHash() {
    const q = new URLSearchParams();
    for (const d of liveDyads()) q.append("d", dyadKey(d));
    for (const k of ["start", "end", "text"]) if (state[k]) q.set(k, state[k]);
    if (state.freq !== "month") q.set("freq", state.freq);
    if (state.modality !== "asserted") q.set("modality", state.modality);
    if (state.type) q.set("type", state.type);
    if (state.quad) q.set("quad", state.quad);
    if (state.minCount > 1) q.set("min", String(state.minCount));
    if (!state.both) q.set("both", "0");
    history.replaceState(null, "", "#" + q.toString());
  }

  function loadHash() {
    const q = new URLSearchParams(location.hash.slice(1));
    const dyads = q.getAll("d").slice(0, MAX_DYADS).map((v) => {
      const [a, b] = v.split("-");
      return { a: a || "", b: b || "" };
    });
    if (q.get("a")) dyads.unshift({ a: q.get("a"), b: q.get("b") || "" });  // a=..&b=.. (one dyad)
    if (dyads.length) state.dyads = dyads;
    for (const k of ["start", "end", "text"]) if (q.get(k)) state[k] = q.get(k);
    if (q.get("freq")) state.freq = q.get("freq");
    if (MODALITIES.includes(q.get("modality"))) state.modality = q.get("modality");
    if (TYPES.includes(q.get("type"))) state.type = q.get("type");
    if (["1", "2", "3", "4"].includes(q.get("quad"))) state.quad = q.get("quad");
    const min = parseInt(q.get("min") || "1", 10);
    if (min >= 1) state.minCount = min;
    if (q.get("both") === "0") state.both = false;
  }

  // ------------------------------------------------------------------ actors and controls

  function actorLabel(code, count) {
    const name = names[code];
    return code + (name && name !== code ? " — " + name : "") + (count === undefined ? "" : " (" + count + ")");
  }

  function fillPicker(select, withEveryone) {
    select.replaceChildren();
    if (withEveryone) select.append(el("option", { value: "" }, "everyone"));
    const inStore = el("optgroup", { label: "in the store" });
    for (const row of actorRows) inStore.append(el("option", { value: row.code }, actorLabel(row.code, row.count)));
    select.append(inStore);
    if (knownRows.length) {
      const none = el("optgroup", { label: "no events yet" });
      for (const row of knownRows) none.append(el("option", { value: row.code }, actorLabel(row.code)));
      select.append(none);
    }
  }

  async function loadActors() {
    const data = await api("api/actors");
    actorRows = data.actors;
    knownRows = data.known || [];
    names = {};
    for (const r of [...actorRows, ...knownRows]) if (r.name) names[r.code] = r.name;
    $("store-stats").textContent = data.events + " events from " + data.documents + " documents, " +
      data.actors.length + " actors";
    const codes = new Set([...actorRows, ...knownRows].map((r) => r.code));
    state.dyads = state.dyads.filter((d) => codes.has(d.a)).map((d) => ({ a: d.a, b: codes.has(d.b) ? d.b : "" }));
    if (!state.dyads.length) state.dyads = [{ a: actorRows.length ? actorRows[0].code : "", b: "" }];
    renderDyads();
    syncControls();
    if (!actorRows.length) message("The store has no events yet.");
  }

  // one row of two pickers per dyad; the first row's pickers are #actor-a and #actor-b
  function renderDyads() {
    const box = $("dyads");
    box.replaceChildren();
    state.dyads.forEach((d, i) => {
      const n = i === 0 ? "" : "-" + (i + 1);
      const a = el("select", { id: "actor-a" + n, class: "actor-a", "aria-label": "dyad " + (i + 1) + ": first actor" });
      const b = el("select", { id: "actor-b" + n, class: "actor-b", "aria-label": "dyad " + (i + 1) + ": second actor" });
      fillPicker(a, false);
      fillPicker(b, true);
      a.value = d.a;
      b.value = d.b;
      const swatch = el("i", { class: "swatch", style: "background:" + DYAD_COLORS[i % DYAD_COLORS.length] });
      const row = el("div", { class: "dyad-row", dataset: { index: String(i) } }, swatch, a,
        el("button", { type: "button", class: "swap", title: "swap the two actors" }, "⇄"), "with", b);
      if (state.dyads.length > 1) {
        const rm = el("button", { type: "button", class: "remove", title: "remove this dyad",
                                  "aria-label": "remove dyad " + (i + 1) }, "×");
        rm.addEventListener("click", () => { state.dyads.splice(i, 1); renderDyads(); refresh(true).catch(fail); });
        row.append(rm);
      }
      a.addEventListener("change", () => { d.a = a.value; refresh(true).catch(fail); });
      b.addEventListener("change", () => { d.b = b.value; refresh(true).catch(fail); });
      row.querySelector(".swap").addEventListener("click", () => {
        if (!d.b) return;
        [d.a, d.b] = [d.b, d.a];
        renderDyads();
        refresh(true).catch(fail);
      });
      box.append(row);
    });
    $("add-dyad").disabled = state.dyads.length >= MAX_DYADS;
  }

  function syncControls() {
    $("both").checked = state.both;
    $("freq").value = state.freq;
    $("start").value = state.start;
    $("end").value = state.end;
    $("modality").value = state.modality;
    $("event-type").value = state.type;
    $("quad").value = state.quad;
    $("text").value = state.text;
    $("min-count").value = String(state.minCount);
  }

  function readControls() {
    state.both = $("both").checked;
    state.freq = $("freq").value;
    state.start = $("start").value;
    state.end = $("end").value;
    state.modality = $("modality").value;
    state.type = $("event-type").value;
    state.quad = $("quad").value;
    state.text = $("text").value.trim();
    state.minCount = Math.max(1, parseInt($("min-count").value, 10) || 1);
  }

  // ------------------------------------------------------------------ time chart

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function totalsText(t) {
    return plural(t.count, "event") + " — cooperation " + (t.q1 + t.q2) + ", conflict " + (t.q3 + t.q4) +
      (t.goldstein_mean === null ? "" : ", mean Goldstein " + t.goldstein_mean.toFixed(2));
  }

  // what the counts left out: other modalities, and dates too coarse for the period
  function noteText(dyads) {
    const parts = [];
    for (const d of dyads) {
      const out = Object.entries(d.left_out || {}).map(([m, n]) => n + " " + m);
      const who = dyads.length > 1 ? dyadName(d) + ": " : "";
      // more than asserted events counted: say which, so a negated act is never read as one that happened
      const inside = Object.entries(d.counted || {});
      if (inside.some(([m]) => m !== "asserted")) {
        parts.push(who + "counted: " + inside.map(([m, n]) => n + " " + m).join(", "));
      }
      if (out.length) parts.push(who + "not counted: " + out.join(", ") + " (choose them under modality)");
      if (d.skipped_imprecise) {
        parts.push(who + plural(d.skipped_imprecise, "event") + " dated only to a " +
          (state.freq === "month" ? "year" : "month or year") + " not shown per " + state.freq);
      }
    }
    return parts.join(" · ");
  }

  async function loadSeries() {
    const dyads = liveDyads();
    if (!dyads.length) return;
    const ticket = ++latest.series;
    const data = await api("api/compare", { ...selectionParams(), freq: state.freq, start: state.start,
                                            end: state.end });
    if (ticket !== latest.series) return;
    compared = data.dyads;
    seriesRows = compared.length ? compared[0].series : [];
    const labels = seriesRows.map((r) => periodLabel(r.period));
    $("series-title").textContent = "Cooperation and conflict: " + compared.map(dyadName).join(" vs ");
    $("series-note").textContent = noteText(compared);
    $("series-hint").textContent = compared.length > 1
      ? "Solid: cooperation, dashed: conflict (events per period). Click a point to list that dyad's events then."
      : "Click a bar to list that period's events of that kind.";
    const summary = $("series-summary");
    summary.replaceChildren();
    let series;
    if (compared.length === 1) {
      summary.append(totalsText(compared[0].totals));
      series = QUADS.map((q) => ({
        name: q.name, type: "bar", stack: "events", data: seriesRows.map((r) => r[q.key]),
        itemStyle: { color: q.color }, emphasis: { focus: "series" }, barMaxWidth: 48,
      }));
      series.push({
        name: "Mean Goldstein", type: "line", yAxisIndex: 1, connectNulls: false, symbolSize: 6,
        data: seriesRows.map((r) => (r.goldstein_mean === null ? null : Math.round(r.goldstein_mean * 100) / 100)),
        itemStyle: { color: "#1d2430" }, lineStyle: { width: 2 }, z: 5,
      });
    } else {
      series = [];
      compared.forEach((d, i) => {
        const color = DYAD_COLORS[i % DYAD_COLORS.length];
        summary.append(el("span", { class: "dyad-sum", dataset: { dyad: dyadKey(d) } },
          el("i", { class: "swatch", style: "background:" + color }), dyadName(d) + ": " + totalsText(d.totals)));
        series.push({ name: dyadName(d) + " cooperation", type: "line", symbolSize: 7, dyad: i,
                      data: d.series.map((r) => r.q1 + r.q2), itemStyle: { color }, lineStyle: { width: 2.5 } });
        series.push({ name: dyadName(d) + " conflict", type: "line", symbol: "triangle", symbolSize: 8, dyad: i,
                      data: d.series.map((r) => r.q3 + r.q4), itemStyle: { color },
                      lineStyle: { width: 2, type: "dashed" } });
      });
    }
    seriesChart.setOption({
      animation: false,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0, type: "scroll", data: series.map((x) => x.name) },
      grid: { left: 48, right: 52, top: 40, bottom: 28 },
      xAxis: { type: "category", data: labels },
      yAxis: [
        { type: "value", name: "events", minInterval: 1 },
        { type: "value", name: "Goldstein", min: -10, max: 10, splitLine: { show: false },
          show: compared.length === 1 },
      ],
      series,
    }, true);
  }

  // ------------------------------------------------------------------ network

  // Each code keeps its place: codes of the store on one circle in code order, whatever the filters show.
  function position(code) {
    const all = actorRows.map((r) => r.code).sort();
    let i = all.indexOf(code);
    if (i < 0) { all.push(code); i = all.length - 1; }
    const angle = (2 * Math.PI * i) / Math.max(all.length, 1) - Math.PI / 2;
    return { x: Math.round(1000 * Math.cos(angle)) / 10, y: Math.round(1000 * Math.sin(angle)) / 10 };
  }

  async function loadNetwork() {
    const ticket = ++latest.network;
    const data = await api("api/network", { start: state.start, end: state.end, min_count: state.minCount,
                                            max_edges: 150, ...filterParams() });
    if (ticket !== latest.network) return;
    const maxNode = Math.max(1, ...data.nodes.map((n) => n.count));
    const maxEdge = Math.max(1, ...data.edges.map((e) => e.count));
    const picked = new Set(liveDyads().flatMap((d) => [d.a, d.b]).filter(Boolean));
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
          return esc(actorLabel(p.name)) + ": " + esc(p.value) + " events";
        },
      },
      series: [{
        type: "graph", layout: "none", roam: true, draggable: false,
        label: { show: true, position: "right", fontWeight: "bold" },
        edgeSymbol: ["none", "arrow"], edgeSymbolSize: 9,
        lineStyle: { curveness: 0.22, opacity: 0.9 },
        emphasis: { focus: "adjacency", lineStyle: { width: 5 } },
        data: data.nodes.map((n) => ({
          name: n.code, value: n.count, ...position(n.code),
          symbolSize: (dense ? 8 : 12) + (dense ? 18 : 26) * Math.sqrt(n.count / maxNode),
          itemStyle: { color: picked.has(n.code) ? "#2f5fb3" : "#8795ab", borderColor: "#fff", borderWidth: 1 },
        })),
        links: data.edges.map((e) => ({
          source: e.source, target: e.target, value: e.count, goldstein: e.goldstein_mean,
          lineStyle: { color: goldsteinColor(e.goldstein_mean),
                       width: (dense ? 0.6 : 1.2) + (dense ? 3 : 5) * Math.sqrt(e.count / maxEdge) },
        })),
      }],
    }, true);
    $("network-chart").dataset.edges = String(data.edges.length);
  }

  // ------------------------------------------------------------------ event table

  function tableParams() {
    const f = state.filter;
    const params = { ...selectionParams(), start: f ? f.start : state.start, end: f ? f.end : state.end };
    if (f && f.quad) params.quad_class = f.quad;
    if (f && f.dyad) params.dyad = [f.dyad];
    return params;
  }

  async function loadTable() {
    if (!liveDyads().length) return;
    const f = state.filter;
    const ticket = ++latest.table;
    const data = await api("api/events", { ...tableParams(), limit: PAGE, offset: state.offset });
    if (ticket !== latest.table) return;
    state.total = data.total;
    const body = $("events-table").tBodies[0];
    body.replaceChildren();
    for (const ev of data.events) body.append(eventRow(ev));
    $("table-count").textContent = plural(data.total, "event");
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

  // every event of the current selection (dyads, filters, and a period picked on the chart), every column
  function download() {
    const link = el("a", { href: "api/events.csv?" + query(tableParams()), download: "eventwire-events.csv" });
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
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
    // the id as a query parameter: a path would be resolved by the browser ("..", "." are path segments)
    const data = await api("api/document", { id: docId });
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

  function renderText(text, ev) { window.eventwireDocview.render($("doc-text"), text, ev); }

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
    if (compared.length > 1) {
      const d = compared[Math.floor(p.seriesIndex / 2)];
      if (!d) return;
      state.filter = { start: row.period, end: row.period_end, dyad: dyadKey(d),
                       label: periodLabel(row.period) + " · " + dyadName(d) };
    } else {
      const quad = p.seriesIndex < 4 ? p.seriesIndex + 1 : null;
      state.filter = { start: row.period, end: row.period_end, quad,
                       label: periodLabel(row.period) + (quad ? " · " + QUADS[quad - 1].name.toLowerCase() : "") };
    }
    state.offset = 0;
    loadTable().catch(fail);
  }

  function onNetworkClick(p) {
    let d;
    if (p.dataType === "edge") { d = { a: p.data.source, b: p.data.target }; state.both = true; }
    else if (p.dataType === "node") d = { a: p.name, b: "" };
    else return;
    state.dyads[0] = d;
    renderDyads();
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
    for (const t of TYPES) $("event-type").append(el("option", { value: t }, t));
    for (const id of ["both", "freq"]) {
      $(id).addEventListener("change", () => { readControls(); refresh(id === "both").catch(fail); });
    }
    for (const id of ["start", "end", "modality", "event-type", "quad", "min-count"]) {
      $(id).addEventListener("change", () => { readControls(); refresh(true).catch(fail); });
    }
    $("text").addEventListener("change", () => {
      clearTimeout(textTimer);
      readControls();
      refresh(true).catch(fail);
    });
    $("text").addEventListener("input", () => {
      clearTimeout(textTimer);
      textTimer = setTimeout(() => { readControls(); refresh(true).catch(fail); }, 500);
    });
    $("add-dyad").addEventListener("click", () => {
      if (state.dyads.length >= MAX_DYADS) return;
      const first = state.dyads[0] || { a: "", b: "" };
      const used = new Set(state.dyads.map((d) => d.b));
      const next = actorRows.find((r) => r.code !== first.a && !used.has(r.code));
      state.dyads.push({ a: first.a, b: next ? next.code : "" });
      renderDyads();
      refresh(false).catch(fail);
    });
    $("download").addEventListener("click", download);
    $("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable().catch(fail); });
    $("next").addEventListener("click", () => { state.offset += PAGE; loadTable().catch(fail); });
    loadHash();
    if (!FREQS.includes(state.freq)) {
      message("freq: " + state.freq + " is not one of " + FREQS.join(", "));
      state.freq = "month";
    }
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
