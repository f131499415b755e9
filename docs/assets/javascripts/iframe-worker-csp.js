/* A Web Worker stand-in for pages opened from file://, where browsers refuse
 * real workers. Material's search runs its worker script inside a hidden
 * same-origin iframe instead.
 *
 * It does what the iframe-worker shim (MIT, squidfunk) does, without writing
 * an inline script into the frame, so it works under the site's Content
 * Security Policy: the frame's globals are set from this page, and the
 * worker script is loaded with a <script src>. Nothing is fetched from
 * another origin. The file name keeps "iframe-worker" so Material's offline
 * plugin does not add its CDN copy.
 */
(function () {
  "use strict";

  if (location.protocol !== "file:") return;

  function FrameWorker(url) {
    var target = new EventTarget();
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.title = "Search index";
    document.body.appendChild(frame);
    var win = frame.contentWindow;
    var worker = this;
    this.onmessage = null;
    this.onerror = null;

    function deliver(type, event) {
      target.dispatchEvent(event);
      var handler = worker["on" + type];
      if (typeof handler === "function") handler.call(worker, event);
    }

    /* What the worker script posts comes straight back to this page. */
    win.postMessage = function (data) {
      deliver("message", new MessageEvent("message", { data: data }));
    };
    win.importScripts = function () {
      var urls = Array.prototype.slice.call(arguments);
      return urls.reduce(function (chain, src) {
        return chain.then(function () { return load(src); });
      }, Promise.resolve());
    };
    win.addEventListener("error", function (event) {
      deliver("error", new ErrorEvent("error", { message: event.message, error: event.error }));
    });

    function load(src) {
      return new Promise(function (resolve, reject) {
        var script = win.document.createElement("script");
        script.src = new URL(src, location.href).href;
        script.onload = resolve;
        script.onerror = reject;
        win.document.body.appendChild(script);
      });
    }

    this.ready = load(url);
    this.frame = frame;
    this.addEventListener = target.addEventListener.bind(target);
    this.removeEventListener = target.removeEventListener.bind(target);
    this.dispatchEvent = target.dispatchEvent.bind(target);
  }

  /* What this page posts reaches the worker script as a "message" event. */
  FrameWorker.prototype.postMessage = function (data) {
    var copy = structuredClone(data);
    var win = this.frame.contentWindow;
    this.ready.then(function () {
      win.dispatchEvent(new MessageEvent("message", { data: copy }));
    });
  };

  FrameWorker.prototype.terminate = function () {
    this.frame.remove();
  };

  window.IFrameWorker = FrameWorker;
  window.Worker = FrameWorker;
})();
