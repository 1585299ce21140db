// Host page of the webphone: relays postMessage traffic between the provider's iframe and
// the app (QWebChannel object "relay"). Events are checked here with the rules the app
// sends at start (generated from desktop/webphone/protocol.py) and checked again in Python.
(function () {
  "use strict";

  var REPORT_EVERY_MS = 2000; // drops are summarised, never reported one by one
  var relay = null;
  var config = null;
  var frame = null; // embedded style: the iframe this page created
  var drops = Object.create(null);

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function setStatus(text) {
    var node = document.getElementById("estado");
    if (node) { node.textContent = text; }
  }

  function flushDrop(reason) {
    var entry = drops[reason];
    entry.timer = null;
    if (entry.count > 0 && relay) {
      relay.dropped(reason, entry.count);
      entry.count = 0;
      entry.timer = setTimeout(function () { flushDrop(reason); }, REPORT_EVERY_MS);
    }
  }

  function drop(reason) {
    var entry = drops[reason] || (drops[reason] = { count: 0, timer: null });
    entry.count += 1;
    if (entry.timer === null) { flushDrop(reason); }
  }

  function originOf(url) {
    try { return new URL(url, document.baseURI).origin; } catch (e) { return null; }
  }

  // The webphone's iframe, wherever the provider's code put it, if it is of the expected origin.
  function webphoneFrame() {
    if (!config) { return null; }
    var candidate = frame;
    if (config.style === "hidden") {
      candidate = document.querySelector("#widget-evoline-api-container iframe");
    }
    if (candidate && originOf(candidate.src) === config.origin) { return candidate; }
    return null;
  }

  function fieldValue(value) {
    if (typeof value === "string") { return value; }
    if (typeof value === "number" && isFinite(value)) { return value; }
    return undefined;
  }

  // Returns a clean copy of a valid event (only the documented fields), or a drop reason.
  function checkEvent(data) {
    if (typeof data !== "object" || data === null || Array.isArray(data)) { return "not-object"; }
    var name = data.message;
    if (typeof name !== "string" || !own(config.rules.events, name)) { return "unknown-event"; }
    var rule = config.rules.events[name];
    var clean = { message: name };
    var i, key, value;
    for (i = 0; i < rule.required.length; i += 1) {
      key = rule.required[i];
      if (!own(data, key) || data[key] === null || data[key] === undefined) {
        return "missing-field";
      }
    }
    var keys = rule.required.concat(rule.optional);
    for (i = 0; i < keys.length; i += 1) {
      key = keys[i];
      if (!own(data, key) || data[key] === null || data[key] === undefined) { continue; }
      value = fieldValue(data[key]);
      if (value === undefined) { return "bad-type"; }
      if (String(value).length > config.rules.maxText) { return "too-long"; }
      clean[key] = value;
    }
    return clean;
  }

  function onMessage(event) {
    if (!config || !relay) { drop("not-ready"); return; }
    if (event.origin !== config.origin) { drop("origin"); return; }
    var target = webphoneFrame();
    if (!target || event.source !== target.contentWindow) { drop("source"); return; }
    var checked = checkEvent(event.data);
    if (typeof checked === "string") { drop(checked); return; }
    relay.deliver(JSON.stringify(checked));
  }

  function onCommand(json) {
    var target = webphoneFrame();
    var message;
    try { message = JSON.parse(json); } catch (e) { drop("bad-command"); return; }
    if (!message || config.rules.commands.indexOf(message.message) < 0) {
      drop("bad-command");
      return;
    }
    if (!target || !target.contentWindow) { drop("no-frame"); return; }
    target.contentWindow.postMessage(message, config.origin); // exact origin, never "*"
  }

  function watchFrame(target) {
    target.addEventListener("load", function () {
      setStatus("Webphone carregado.");
      relay.frameState("loaded");
    });
  }

  function startEmbedded(container) {
    frame = document.createElement("iframe");
    frame.setAttribute("allow", "microphone; autoplay");
    frame.setAttribute("title", "Webphone");
    watchFrame(frame);
    frame.src = config.url;
    container.appendChild(frame);
  }

  // The provider's hidden-style example page loads jQuery 3 before the provider's script;
  // that script gets the same page. Scripts added with async = false run in the order they
  // were added, like the example's plain <script> tags.
  function startHidden(container) {
    var jquery = document.createElement("script");
    jquery.async = false;
    jquery.src = "jquery.min.js";
    document.head.appendChild(jquery);
    var script = document.createElement("script");
    script.async = false;
    script.addEventListener("error", function () {
      setStatus("Não foi possível carregar o webphone.");
      relay.frameState("script-error");
    });
    script.addEventListener("load", function () {
      var target = webphoneFrame();
      if (!target) {
        relay.frameState("missing-frame");
        return;
      }
      watchFrame(target);
    });
    script.src = config.url;
    container.appendChild(script);
  }

  function start(json) {
    config = JSON.parse(json);
    document.body.classList.toggle("diagnostico", Boolean(config.showFrame));
    if (!config.url) {
      setStatus("Webphone não configurado.");
      return;
    }
    var container = document.getElementById("widget-evoline-api-container");
    if (config.style === "hidden") { startHidden(container); } else { startEmbedded(container); }
  }

  window.addEventListener("message", onMessage);
  document.addEventListener("DOMContentLoaded", function () {
    // eslint-disable-next-line no-undef
    new QWebChannel(qt.webChannelTransport, function (channel) {
      relay = channel.objects.relay;
      relay.command.connect(onCommand);
      relay.frameVisible.connect(function (visible) {
        document.body.classList.toggle("diagnostico", Boolean(visible));
      });
      relay.hello(start);
    });
  });
}());
