/* "Make an inquiry" and "Save as knowledge" for the open conversation.
 *
 * Loaded by servicedesk-chat.js's converse plugin: window.sdChatActions(api, form, cfg).
 * The transcript is what the agent sees in converse (the chat's messages);
 * the services check it again, and the CSRF token goes in X-CSRF-TOKEN. */
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      node.setAttribute(key, attrs[key]);
    });
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function fill(text, values) {
    return text.replace(/\$\{(\w+)\}/g, function (all, key) {
      return key in values ? String(values[key]) : all;
    });
  }

  window.sdChatActions = function (api, form, cfg) {
    var labels = cfg.labels;
    var chats = {};
    var current = null;
    // The inquiry made from a conversation, so its knowledge document links to it.
    var inquiries = {};

    var select = el("select", { name: "conversation", "data-sd-chat-conversation": "" });
    var title = el("input", { type: "text", name: "title", maxlength: "200" });
    var result = el("p", { role: "status", "aria-live": "polite", "data-sd-chat-result": "" });
    var row = el("div", { class: "sd-chat-actions-row" });
    var label1 = el("label", {}, labels.conversation + " ");
    label1.appendChild(select);
    var label2 = el("label", {}, labels.title + " ");
    label2.appendChild(title);
    row.appendChild(label1);
    row.appendChild(label2);
    // The answer first: converse's chat boxes cover the lower part of the page.
    form.appendChild(result);
    form.appendChild(row);
    var buttons = el("div", { class: "sd-chat-actions-buttons" });
    [["inquiry", "btn btn-primary"], ["knowledge", "btn btn-secondary"]].forEach(function (b) {
      if (cfg[b[0] + "_url"]) {
        var button = el("button", { type: "button", class: b[1], "data-sd-chat-action": b[0] }, labels[b[0]]);
        button.addEventListener("click", function () {
          send(b[0], button);
        });
        buttons.appendChild(button);
      }
    });
    // One row with the choices: the chat boxes take the lower part of the page.
    row.appendChild(buttons);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    form.hidden = false;

    function name(model) {
      return (model.getDisplayName && model.getDisplayName()) || model.get("jid");
    }

    function refresh() {
      var keep = select.value;
      select.textContent = "";
      var jids = Object.keys(chats);
      if (!jids.length) {
        select.appendChild(el("option", { value: "" }, labels.none));
      }
      jids.forEach(function (jid) {
        select.appendChild(el("option", { value: jid }, name(chats[jid])));
      });
      select.value = current && chats[current] ? current : keep || jids[0] || "";
    }

    function track(model) {
      var jid = model.get("jid");
      if (!jid || model.get("id") === "controlbox") {
        return;
      }
      chats[jid] = model;
      if (!model.get("hidden")) {
        current = jid;
      }
      model.on("change:hidden", function () {
        if (!model.get("hidden")) {
          current = jid;
          refresh();
        }
      });
      refresh();
    }
    api.listen.on("chatBoxInitialized", track);
    api.listen.on("chatRoomInitialized", track);
    select.addEventListener("change", function () {
      current = select.value;
    });

    function transcript(model) {
      var me = api.user.jid ? api.user.jid() : "";
      return (model.messages ? model.messages.models : [])
        .filter(function (m) {
          return m.get("body") && m.get("type") !== "error";
        })
        .map(function (m) {
          var from = m.get("nick") || m.get("from") || "";
          if (m.get("sender") === "me" && !m.get("nick")) {
            from = cfg.nickname || me;
          } else if (!m.get("nick") && model.get("type") === "chatbox") {
            from = name(model);
          }
          return {
            from: String(from).slice(0, 200),
            body: String(m.get("body")).slice(0, 4000),
            time: String(m.get("time") || "").slice(0, 40),
          };
        })
        .slice(-500);
    }

    function send(kind, button) {
      var model = chats[select.value];
      result.className = "";
      if (!model) {
        result.textContent = labels.none;
        return;
      }
      var lines = transcript(model);
      if (!lines.length) {
        result.textContent = labels.empty;
        return;
      }
      var body = {
        title: (title.value.trim() || name(model) + ": " + lines[0].body).slice(0, 200),
        lines: lines,
      };
      if (kind === "knowledge" && inquiries[model.get("jid")]) {
        body.inquiry = inquiries[model.get("jid")];
      }
      button.disabled = true;
      result.textContent = labels.working;
      fetch(cfg[kind + "_url"], {
        method: "POST",
        credentials: "same-origin",
        headers: {
          Accept: "application/json",
          "Content-Type": "application/json",
          "X-CSRF-TOKEN": cfg.token,
        },
        body: JSON.stringify(body),
      })
        .then(function (response) {
          return response.json().then(
            function (data) {
              return { ok: response.ok, data: data };
            },
            function () {
              return { ok: false, data: {} };
            }
          );
        })
        .then(function (answer) {
          var data = answer.data || {};
          if (!answer.ok) {
            result.className = "portalMessage error";
            result.textContent = (data.error && data.error.message) || labels.failed;
            return;
          }
          result.className = "portalMessage info";
          if (kind === "inquiry") {
            inquiries[model.get("jid")] = data.UID;
            result.textContent = fill(labels.inquiry_done, {
              reference: data.reference_number || "",
              code: data.followup_code || "",
            });
          } else {
            result.textContent = fill(labels.knowledge_done, { title: data.title || "" });
          }
          result.setAttribute("data-sd-chat-result", kind);
        })
        .catch(function () {
          result.className = "portalMessage error";
          result.textContent = labels.failed;
        })
        .then(function () {
          button.disabled = false;
        });
    }
  };
})();
