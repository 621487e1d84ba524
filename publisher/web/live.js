// publish serve: reload this page when a build changes its file, show a failed build's errors over it.
// The server adds this script to the HTML it sends; the files in dist/ never hold it.
(() => {
  "use strict";
  const script = document.currentScript;
  const since = (script && script.dataset.generation) || "0";
  let path = decodeURIComponent(location.pathname);
  if (path.endsWith("/")) path += "index.html";

  // Error text comes from the workspace's files: it is only ever set as text, never as markup.
  function show(errors) {
    let box = document.getElementById("publish-overlay");
    if (!box) {
      box = document.createElement("div");
      box.id = "publish-overlay";
      box.setAttribute("role", "alert");
      box.style.cssText =
        "position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;" +
        "padding:1em 1.5em;background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;" +
        "font:15px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgb(0 0 0/25%)";
      document.body.append(box);
    }
    const title = document.createElement("strong");
    title.textContent = "publish: the build failed; the page shows the last good one.";
    const lines = errors.map((error) => {
      const line = document.createElement("p");
      line.className = "publish-error";
      line.dir = "auto";
      line.style.cssText = "margin:.4em 0;font-family:ui-monospace,monospace;white-space:pre-wrap";
      line.textContent = error;
      return line;
    });
    box.replaceChildren(title, ...lines);
  }

  function hide() {
    const box = document.getElementById("publish-overlay");
    if (box) box.remove();
  }

  // EventSource reconnects by itself after a drop, every `retry` ms the server sets (1 s),
  // sending the last event's id so that nothing published meanwhile is missed.
  const events = new EventSource("/__publish/events?since=" + encodeURIComponent(since));
  events.addEventListener("build", (message) => {
    const event = JSON.parse(message.data);
    if (event.errors.length) {
      show(event.errors);
      return;
    }
    hide();
    if (event.changed.includes(path) || event.changed.includes("*")) {
      events.close();
      location.reload();
    }
  });
})();
