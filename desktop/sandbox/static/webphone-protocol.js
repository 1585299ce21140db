/* Webphone page (sandbox): validation of the commands the parent window posts.
 * parseCommand returns {name, args} for a well-formed command and null for anything else,
 * which the page then ignores. */
(function () {
  "use strict";

  const NUMBER = /^\+?[0-9*#]{2,20}$/;
  const DTMF = /^[0-9*#]{1,32}$/;
  const QUEUE = /^[A-Za-z0-9_-]{1,64}$/;

  function text(value, pattern) {
    if (typeof value === "number" && Number.isFinite(value)) {
      value = String(value);
    }
    if (typeof value !== "string") {
      return null;
    }
    value = value.trim();
    return pattern.test(value) ? value : null;
  }

  function queue(action, event, filaId) {
    return { name: "queue", args: { action: action, event: event, filaId: filaId } };
  }

  function optionalQueue(data) {
    const absent = data.filaId === undefined || data.filaId === null || data.filaId === "";
    return absent ? undefined : text(data.filaId, QUEUE);
  }

  function parseCommand(data) {
    switch (data.message) {
      case "conectar":
        return { name: "connect", args: {} };
      case "desconectar":
        return { name: "disconnect", args: {} };
      case "answer":
        return { name: "answer", args: {} };
      case "hangup":
        return { name: "hangup", args: {} };
      case "mute":
        return { name: "mute", args: {} };
      case "recStart":
        return { name: "callAction", args: { action: "rec_start", body: {} } };
      case "recStop":
        return { name: "callAction", args: { action: "rec_stop", body: {} } };
      case "chamaNumero": {
        const numero = text(data.numero, NUMBER);
        return numero ? { name: "dial", args: { numero: numero } } : null;
      }
      case "enviaDTMF": {
        const dtmf = text(data.dtmf, DTMF);
        return dtmf ? { name: "callAction", args: { action: "dtmf", body: { dtmf: dtmf } } } : null;
      }
      case "transferir":
      case "transferirConsulta": {
        const numero = text(data.numeroTelefone, NUMBER);
        const consult = data.message === "transferirConsulta";
        return numero ? { name: "transfer", args: { numero: numero, consult: consult } } : null;
      }
      case "entrarNaFila": {
        const fila = text(data.filaId, QUEUE);
        return fila ? queue("queue_enter", "entrou_na_fila", fila) : null;
      }
      case "sairDaFila": {
        const fila = text(data.filaId, QUEUE);
        return fila ? queue("queue_leave", "saiu_da_fila", fila) : null;
      }
      case "pausarNaFila": {
        const fila = optionalQueue(data);
        return fila === null ? null : queue("queue_pause", "pausou_na_fila", fila);
      }
      case "despausarNaFila": {
        const fila = optionalQueue(data);
        return fila === null ? null : queue("queue_unpause", "despausou_na_fila", fila);
      }
      default:
        return null;
    }
  }

  window.SandboxWebphoneProtocol = { parseCommand: parseCommand };
})();
