/* The intranet chat page: converse.js logged in with a token from @chat-token.
 *
 * converse fetches {jid, password} from credentials_url at log-in and at every
 * reconnection, so a short-lived token is enough. The unread count goes to
 * localStorage, where chat-unread.js shows it in the presence panel. */
(function () {
  "use strict";
  var UNREAD_KEY = "servicedesk-chat-unread";

  function start() {
    var root = document.querySelector("[data-sd-chat]");
    if (!root || !window.converse) {
      return;
    }
    var cfg = JSON.parse(root.getAttribute("data-sd-chat"));
    var state = root.querySelector("[data-sd-chat-state]");

    window.converse.plugins.add("servicedesk", {
      initialize: function () {
        var api = this._converse.api;

        // api.chats.get() and api.rooms.get() return promises (converse 10+).
        function count() {
          return Promise.all([api.chats.get(), api.rooms.get()]).then(function (all) {
            var unread = 0;
            (all[0] || []).forEach(function (chat) {
              if (chat) {
                unread += chat.get("num_unread") || 0;
              }
            });
            (all[1] || []).forEach(function (room) {
              if (room) {
                unread += room.get("num_unread_general") || 0;
              }
            });
            try {
              localStorage.setItem(UNREAD_KEY, String(unread));
            } catch (e) {
              /* private mode: no count in the panel */
            }
            document.title = document.title.replace(/^\(\d+\) /, "");
            if (unread) {
              document.title = "(" + unread + ") " + document.title;
            }
          });
        }

        var actions = root.querySelector("[data-sd-chat-actions]");
        if (cfg.actions && actions && window.sdChatActions) {
          window.sdChatActions(
            api,
            actions,
            Object.assign({ nickname: cfg.nickname }, cfg.actions)
          );
        }

        api.listen.on("connected", function () {
          root.setAttribute("data-sd-chat-connected", "true");
          if (state) {
            state.hidden = true;
          }
          if (cfg.show) {
            api.user.presence.set(cfg.show);
          }
          if (cfg.with) {
            api.waitUntil("chatBoxesFetched").then(function () {
              return api.chats.open(cfg.with, {}, true);
            }).catch(function (error) {
              console.error("servicedesk chat: cannot open", cfg.with, error);
            });
          }
        });
        api.listen.on("message", function () {
          window.setTimeout(count, 0);
        });
        // Opening, reading or closing a chat changes its count.
        ["chatBoxInitialized", "chatRoomInitialized"].forEach(function (name) {
          api.listen.on(name, function (model) {
            model.on("change:num_unread change:num_unread_general", count);
          });
        });
        api.listen.on("chatBoxClosed", count);
      },
    });

    window.converse.initialize({
      authentication: "login",
      auto_login: true,
      auto_reconnect: true,
      credentials_url: cfg.credentials_url,
      websocket_url: cfg.websocket_url,
      discover_connection_methods: false,
      assets_path: cfg.assets_path,
      i18n: cfg.locale,
      view_mode: "overlayed",
      allow_registration: false,
      // Colleagues need not be in each other's roster to write.
      allow_non_roster_messaging: true,
      allow_logout: false,
      allow_adhoc_commands: false,
      show_controlbox_by_default: true,
      auto_join_rooms: cfg.rooms,
      muc_domain: cfg.muc,
      nickname: cfg.nickname,
      muc_nickname_from_jid: false,
      // The server keeps the archive (XEP-0313); the browser keeps nothing
      // after the tab is closed.
      persistent_store: "sessionStorage",
      clear_cache_on_logout: true,
      message_archiving: "always",
      whitelisted_plugins: ["servicedesk"],
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
