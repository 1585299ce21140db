/* Webphone "hidden" (sandbox): injects the webphone iframe, like the provider's script. */
(function () {
  "use strict";
  var src = __WEBPHONE_SRC__;
  // What the page offered this script when it ran (the provider's example loads jQuery first).
  window.webphoneSandbox = { jqueryAtLoad: typeof window.jQuery };
  function mount() {
    var container = document.getElementById("widget-evoline-api-container");
    if (!container) {
      container = document.createElement("div");
      container.id = "widget-evoline-api-container";
      (document.body || document.documentElement).appendChild(container);
    }
    var frame = document.createElement("iframe");
    frame.setAttribute("allow", "microphone; autoplay");
    frame.setAttribute("title", "webphone");
    frame.style.cssText = "width:0;height:0;border:0;position:absolute;visibility:hidden";
    frame.src = src;
    container.appendChild(frame);
    window.webphone = frame;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
