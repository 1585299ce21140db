/* Simulated webphone page (sandbox). Speaks the provider's postMessage protocol with its
 * parent window: commands come in as {message: <function>, ...fields}, events go out as
 * {message: <event>, ...fields}. The call itself is simulated by the sandbox server. */
(function () {
  "use strict";

  const cfg = JSON.parse(document.getElementById("webphone-config").textContent);
  const host = window.parent !== window ? window.parent : window.opener;

  const QUALITIES = ["bom", "regular", "ruim"];

  const state = {
    connected: false,
    stream: null,
    audio: null, // the AudioContext of the simulated microphone
    simulatedMic: false,
    call: null, // {id, numero, direcao: "saindo"|"entrando", fase: "chamando"|"conversando", inicio}
    muted: false,
    statsTimer: null,
    statsInterval: cfg.stats_interval_ms,
    silent: false,
    forced: { internet: null, computador: null },
    statsCount: 0,
    early: new Map(), // server events that arrived before the dial answer told us the call id
    queues: new Set(),
    paused: false,
    autoDialed: false,
    lastStatus: "iniciando…",
  };

  const $ = (id) => document.getElementById(id);

  // ---- events to the parent -------------------------------------------------------------

  function emit(message, fields) {
    const data = Object.assign({ message: message }, fields || {});
    if (host) {
      host.postMessage(data, "*");
    }
  }

  function setStatus(status) {
    state.lastStatus = status;
    emit("status", { status: status });
    render();
  }

  function fail(text) {
    $("erro").textContent = text;
    emit("status_erro", { status_erro: text });
  }

  // ---- server plumbing ----------------------------------------------------------------------

  async function api(action, body) {
    const url = "/w3/api/" + action + "?session=" + encodeURIComponent(cfg.session);
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body || {}),
        cache: "no-store",
      });
      return await response.json();
    } catch (error) {
      return { ok: false, status_erro: "falha de comunicação com o servidor: " + error };
    }
  }

  // Commands and server events run one at a time, in arrival order.
  let chain = Promise.resolve();
  function enqueue(task) {
    chain = chain.then(task).catch(function (error) {
      $("erro").textContent = String(error);
    });
  }

  function openEvents() {
    const source = new EventSource("/w3/events?session=" + encodeURIComponent(cfg.session));
    source.onmessage = function (message) {
      let event;
      try {
        event = JSON.parse(message.data);
      } catch (error) {
        return;
      }
      enqueue(function () {
        onServerEvent(event);
      });
    };
  }

  function onServerEvent(event) {
    if (!event || typeof event.type !== "string") {
      return;
    }
    if (event.type === "config") {
      applyConfig(event);
      return;
    }
    if (event.type === "ring") {
      if (state.call || !state.connected) {
        return;
      }
      state.call = { id: event.chamada_id, numero: event.numero, direcao: "entrando", fase: "chamando" };
      emit("chegandoChamada", {
        numeroChegando: event.numero,
        numeroDestino: event.destino,
        chamadaRecebidaId: event.chamada_id,
      });
      setStatus("chamando");
      return;
    }
    if (!state.call || state.call.id !== event.chamada_id) {
      if (state.early.size > 20) {
        state.early.clear();
      }
      state.early.set(event.chamada_id, (state.early.get(event.chamada_id) || []).concat([event]));
      return;
    }
    if (event.type === "answered" && state.call.fase !== "conversando") {
      state.call.fase = "conversando";
      state.call.inicio = Date.now();
      setStatus("conversando");
    } else if (event.type === "ended") {
      endCall();
    }
  }

  function replayEarly(callId) {
    const pending = state.early.get(callId) || [];
    state.early.delete(callId);
    pending.forEach(onServerEvent);
  }

  function applyConfig(event) {
    state.statsInterval = event.stats_interval_ms;
    state.silent = !!event.silent;
    state.forced = { internet: event.internet || null, computador: event.computador || null };
    startStats();
  }

  // ---- stats ----------------------------------------------------------------------------------

  function startStats() {
    if (state.statsTimer) {
      clearInterval(state.statsTimer);
      state.statsTimer = null;
    }
    if (state.connected && !state.silent) {
      state.statsTimer = setInterval(sendStats, Math.max(50, state.statsInterval));
    }
  }

  function sendStats() {
    state.statsCount += 1;
    const internet = state.statsCount % 9 === 0 ? "regular" : "bom";
    emit("stats_webphone", {
      internet: QUALITIES.includes(state.forced.internet) ? state.forced.internet : internet,
      computador: QUALITIES.includes(state.forced.computador) ? state.forced.computador : "bom",
    });
  }

  // ---- microphone and connection --------------------------------------------------------------

  function stopMic() {
    if (state.stream) {
      state.stream.getTracks().forEach(function (track) {
        track.stop();
      });
      state.stream = null;
    }
    if (state.audio) {
      state.audio.close();
      state.audio = null;
    }
    state.simulatedMic = false;
  }

  // Chromium says "no device" with these; a denied permission is NotAllowedError instead.
  function noDevice(error) {
    const name = error && error.name ? error.name : "";
    const message = error && error.message ? String(error.message) : "";
    return (
      name === "NotFoundError" ||
      name === "DevicesNotFoundError" ||
      /requested device not found/i.test(message)
    );
  }

  // A silent stream standing in for the microphone, so the sandbox works on machines
  // without one (build servers, virtual machines). Never used for a denied permission.
  function simulatedStream() {
    const Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) {
      return null;
    }
    const audio = new Context();
    const source = audio.createOscillator();
    const volume = audio.createGain();
    volume.gain.value = 0;
    source.connect(volume);
    const destination = audio.createMediaStreamDestination();
    volume.connect(destination);
    source.start();
    state.audio = audio;
    return destination.stream;
  }

  function micFailed(reason) {
    stopMic();
    state.connected = false;
    fail("microfone indisponível: " + reason);
    setStatus("desconectado");
  }

  async function connect() {
    if (state.connected) {
      setStatus("conectado");
      return;
    }
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      micFailed("o navegador não oferece acesso ao microfone nesta página");
      return;
    }
    let simulatedReason = null;
    try {
      state.stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      const name = error && error.name ? error.name : "Erro";
      const reason = name + (error && error.message ? ": " + error.message : "");
      state.stream = noDevice(error) ? simulatedStream() : null;
      if (!state.stream) {
        micFailed(reason);
        return;
      }
      simulatedReason = reason;
    }
    const result = await api("connect");
    if (!result.ok) {
      stopMic();
      fail(result.status_erro || "falha ao conectar");
      setStatus("desconectado");
      return;
    }
    state.connected = true;
    state.simulatedMic = simulatedReason !== null;
    $("erro").textContent = "";
    if (state.simulatedMic) {
      emit("microfone_simulado", { motivo: simulatedReason });
    }
    setStatus("conectado");
    startStats();
    if (cfg.ligar_para && !state.autoDialed) {
      state.autoDialed = true;
      await dial(cfg.ligar_para);
    }
  }

  async function disconnect() {
    if (state.call) {
      await hangup();
    }
    await api("disconnect");
    stopMic();
    state.connected = false;
    startStats();
    setStatus("desconectado");
  }

  // ---- calls ----------------------------------------------------------------------------------

  // Call actions name the call this page shows: the server may already have moved on (the
  // caller hung up and the next call rang) before the events saying so reached the page.

  function endCall() {
    state.call = null;
    state.muted = false;
    setStatus("encerrada");
    if (cfg.fechar_fim && cfg.popup && window.opener) {
      setTimeout(function () {
        window.close();
      }, 300);
    }
  }

  async function dial(numero) {
    if (!state.connected) {
      fail("webphone desconectado");
      return;
    }
    if (state.call) {
      fail("já existe uma chamada em andamento");
      return;
    }
    const result = await api("dial", { numero: numero });
    if (!result.ok) {
      fail(result.status_erro || "não foi possível completar a chamada");
      return;
    }
    state.call = { id: result.chamada_id, numero: numero, direcao: "saindo", fase: "chamando" };
    setStatus("chamando");
    emit("chamada_id", { chamada_id: result.chamada_id });
    replayEarly(result.chamada_id);
  }

  async function answer() {
    const call = state.call;
    if (!call || call.direcao !== "entrando" || call.fase === "conversando") {
      return;
    }
    const result = await api("answer", { chamada_id: call.id });
    if (!result.ok) {
      fail(result.status_erro || "não foi possível atender");
      return;
    }
    call.fase = "conversando";
    call.inicio = Date.now();
    emit("chamada_id", { chamada_id: result.chamada_id });
    setStatus("conversando");
  }

  async function hangup() {
    const call = state.call;
    if (!call) {
      return;
    }
    await api("hangup", { chamada_id: call.id });
    if (state.call === call) {
      endCall();
    }
  }

  async function transfer(numero, consult) {
    const call = state.call;
    if (!call) {
      fail("nenhuma chamada em andamento");
      return;
    }
    const result = await api(consult ? "transfer_consult" : "transfer", {
      numeroTelefone: numero,
      chamada_id: call.id,
    });
    if (!result.ok) {
      fail(result.status_erro || "não foi possível transferir");
      return;
    }
    if (state.call === call) {
      endCall();
    }
  }

  async function callAction(action, body) {
    if (!state.call) {
      return;
    }
    const result = await api(action, Object.assign({ chamada_id: state.call.id }, body));
    if (!result.ok) {
      fail(result.status_erro || "comando recusado");
    }
  }

  async function toggleMute() {
    const call = state.call;
    if (!call) {
      return;
    }
    state.muted = !state.muted;
    if (state.stream) {
      state.stream.getAudioTracks().forEach(function (track) {
        track.enabled = !state.muted;
      });
    }
    render();
    await api("mute", { muted: state.muted, chamada_id: call.id });
  }

  async function queue(action, event, filaId) {
    const body = filaId === undefined ? {} : { filaId: filaId };
    const result = await api(action, body);
    if (!result.ok) {
      fail(result.status_erro || "comando de fila recusado");
      return;
    }
    if (action === "queue_enter") state.queues.add(filaId);
    if (action === "queue_leave") state.queues.delete(filaId);
    if (action === "queue_pause") state.paused = true;
    if (action === "queue_unpause") state.paused = false;
    render();
    emit(event, body);
  }

  // ---- commands from the parent ---------------------------------------------------------------

  // Maps a parsed command to the task that runs it.
  function task(command) {
    const args = command.args;
    switch (command.name) {
      case "connect":
        return connect;
      case "disconnect":
        return disconnect;
      case "answer":
        return answer;
      case "hangup":
        return hangup;
      case "mute":
        return toggleMute;
      case "dial":
        return function () { return dial(args.numero); };
      case "transfer":
        return function () { return transfer(args.numero, args.consult); };
      case "callAction":
        return function () { return callAction(args.action, args.body); };
      case "queue":
        return function () { return queue(args.action, args.event, args.filaId); };
      default:
        return null;
    }
  }

  window.addEventListener("message", function (event) {
    if (!host || event.source !== host) {
      return;
    }
    const data = event.data;
    if (!data || typeof data !== "object" || Array.isArray(data) || typeof data.message !== "string") {
      return;
    }
    const command = window.SandboxWebphoneProtocol.parseCommand(data);
    const run = command && task(command);
    if (run) {
      enqueue(run);
    }
  });

  function render() {
    window.SandboxWebphoneView.render(cfg, state);
  }

  setInterval(function () {
    if (state.call && state.call.fase === "conversando") {
      render();
    }
  }, 1000);

  render();
  openEvents();
  // The provider's webphone connects by itself when it opens.
  enqueue(connect);
})();
