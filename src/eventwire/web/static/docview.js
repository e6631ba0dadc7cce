// eventwire dashboard: a document's text with one event highlighted (sentence, trigger, source, target).
// The text becomes text nodes cut at span edges, wrapped in <mark>/<span> of our own: never parsed as HTML.
"use strict";

(function () {
  function el(tag, attrs) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else node.setAttribute(k, String(v));
    }
    for (const c of Array.prototype.slice.call(arguments, 2)) {
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  // The text as plain text nodes, cut at span edges; covered pieces get <mark>/<span> classes.
  function render(box, text, ev) {
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

  window.eventwireDocview = { render };
})();
