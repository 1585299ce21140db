/* Webphone page (sandbox): the visible status lines (ramal, state, current call, queues). */
(function () {
  "use strict";

  const $ = (id) => document.getElementById(id);

  function clock(ms) {
    const total = Math.max(0, Math.floor(ms / 1000));
    const mm = String(Math.floor(total / 60)).padStart(2, "0");
    const ss = String(total % 60).padStart(2, "0");
    return mm + ":" + ss;
  }

  function callLine(call, muted) {
    let line;
    if (call.fase === "conversando") {
      line = "Em conversa com " + call.numero;
      if (call.inicio) {
        line += " · " + clock(Date.now() - call.inicio);
      }
    } else {
      line = (call.direcao === "entrando" ? "Chamada chegando de " : "Chamando ") + call.numero;
    }
    return line + " · chamada " + call.id + (muted ? " · mudo" : "");
  }

  function render(cfg, state) {
    $("ramal").textContent = cfg.ramal;
    $("estado").textContent = state.lastStatus;
    const call = state.call;
    $("chamada").textContent = call ? callLine(call, state.muted) : "Sem chamada";
    $("dot").className = "dot " + (call ? call.fase : state.connected ? "conectado" : "");
    const extra = [];
    if (state.queues.size) extra.push("filas: " + Array.from(state.queues).join(", "));
    if (state.paused) extra.push("em pausa");
    if (state.silent) extra.push("estatísticas silenciadas");
    if (state.simulatedMic) extra.push("microfone simulado (nenhum microfone encontrado)");
    $("extra").textContent = extra.join(" · ");
  }

  window.SandboxWebphoneView = { render: render };
})();
