/* Citizens' chat: converse.js logged in anonymously, one chat with the agent
 * on duty. Nothing is kept in the browser after the tab is closed. */
(function () {
  "use strict";

  function start() {
    var root = document.querySelector("[data-sd-citizen-chat]");
    if (!root || !window.converse) {
      return;
    }
    var cfg = JSON.parse(root.getAttribute("data-sd-citizen-chat"));
    var state = root.querySelector("[data-sd-chat-state]");

    window.converse.plugins.add("servicedesk-citizen", {
      initialize: function () {
        var api = this._converse.api;
        api.listen.on("connected", function () {
          root.setAttribute("data-sd-chat-connected", "true");
          if (state) {
            state.hidden = true;
          }
          api.waitUntil("chatBoxesFetched").then(function () {
            return api.chats.open(cfg.agent, {}, true);
          }).catch(function (error) {
            console.error("servicedesk chat: cannot open the desk", error);
          });
        });
      },
    });

    window.converse.initialize({
      authentication: "anonymous",
      jid: cfg.guest,
      auto_login: true,
      auto_reconnect: false,
      websocket_url: cfg.websocket_url,
      discover_connection_methods: false,
      assets_path: cfg.assets_path,
      i18n: cfg.locale,
      view_mode: "overlayed",
      show_controlbox_by_default: false,
      allow_registration: false,
      allow_non_roster_messaging: true,
      allow_contact_requests: false,
      allow_adhoc_commands: false,
      // The agent's limit as the server's: longer messages cannot be sent.
      message_limit: cfg.message_limit,
      persistent_store: "sessionStorage",
      clear_cache_on_logout: true,
      whitelisted_plugins: ["servicedesk-citizen"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
