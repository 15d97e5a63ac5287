/* collective.servicedesk workspace panels: quick registration, suggestions,
 * availability. Plain JavaScript; every form also works without it. */
(function () {
  "use strict";

  var SLOW_AFTER = 4000;
  var SUGGEST_DELAY = 250;

  function message(root, name) {
    var node = root.querySelector('[data-sd-msg="' + name + '"]');
    return node ? node.textContent.trim() : name;
  }

  function postForm(form, extra, url) {
    var data = new FormData(form);
    Object.keys(extra || {}).forEach(function (key) {
      data.set(key, extra[key]);
    });
    return fetch(url || form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-CSRF-TOKEN": data.get("_authenticator") || "" },
    }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return { ok: false, errors: {} };
        })
        .then(function (body) {
          body.httpStatus = response.status;
          return body;
        });
    });
  }

  function updateQueue(queue) {
    if (!queue) {
      return;
    }
    document.querySelectorAll("[data-sd-queue-count]").forEach(function (node) {
      node.textContent = String(queue.count);
    });
    document.querySelectorAll("[data-sd-queue-overdue]").forEach(function (node) {
      node.hidden = !queue.overdue;
      if (queue.overdue_text) {
        node.textContent = queue.overdue_text;
      }
    });
  }

  /* ---- closing panels: Escape and a click outside ---- */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    document.querySelectorAll("details.sd-ws[open]").forEach(function (panel) {
      if (panel.contains(document.activeElement) || panel.classList.contains("sd-ws--top")) {
        panel.open = false;
        panel.querySelector("summary").focus();
      }
    });
  });
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.sd-ws--top[open]").forEach(function (panel) {
      if (!panel.contains(event.target)) {
        panel.open = false;
      }
    });
  });

  /* ---- the quick registration bar ---- */
  function initQuickbar(root) {
    var form = root.querySelector("form.sd-quickbar-form");
    if (!form) {
      return;
    }
    var fields = [
      "title",
      "description",
      "category",
      "channel",
      "requester_phone",
      "requester_email",
      "requester_name",
    ];
    var key = root.dataset.draftKey;
    var status = form.querySelector(".sd-status");
    var note = form.querySelector(".sd-draft-note");
    var submit = form.querySelector(".sd-quickbar-submit");
    var box = root.querySelector(".sd-suggestions");
    var list = box.querySelector("ul");
    var heading = box.querySelector(".sd-suggestions-title");
    var headingText = heading.textContent;
    var template = root.querySelector("template.sd-suggestion-template");
    var lastInquiry = null;
    var timer = null;
    var pending = null;
    var busy = false;

    function draft() {
      var data = {};
      fields.forEach(function (name) {
        var field = form.elements[name];
        data[name] = field ? field.value : "";
      });
      return data;
    }
    function hasText(data) {
      return Boolean((data.title || "").trim() || (data.description || "").trim());
    }
    function save() {
      var data = draft();
      try {
        if (hasText(data)) {
          data.savedAt = new Date().toISOString();
          window.localStorage.setItem(key, JSON.stringify(data));
        } else {
          window.localStorage.removeItem(key);
        }
      } catch (error) {
        /* storage full or disabled: the form itself still holds the text */
      }
      note.hidden = !hasText(data);
    }
    function restore() {
      var data = null;
      try {
        data = JSON.parse(window.localStorage.getItem(key) || "null");
      } catch (error) {
        data = null;
      }
      if (!data || !hasText(data)) {
        return;
      }
      fields.forEach(function (name) {
        var field = form.elements[name];
        if (field && data[name]) {
          field.value = data[name]; /* radio groups (RadioNodeList) too */
        }
      });
      if (data.description || data.category) {
        form.querySelector(".sd-quickbar-more").open = true;
      }
      if (data.requester_phone || data.requester_email || data.requester_name) {
        form.querySelector(".sd-quickbar-caller").open = true;
      }
      note.hidden = false;
      root.open = true;
    }
    function clearErrors() {
      form.querySelectorAll("[data-sd-error]").forEach(function (node) {
        node.textContent = "";
      });
      form.querySelectorAll("[aria-invalid]").forEach(function (node) {
        node.removeAttribute("aria-invalid");
      });
    }
    function showErrors(errors) {
      var first = null;
      Object.keys(errors || {}).forEach(function (name) {
        var slot = form.querySelector('[data-sd-error="' + name + '"]') ||
          form.querySelector('[data-sd-error="form"]');
        slot.textContent = errors[name];
        var field = form.elements[name];
        if (field && field.setAttribute) {
          field.setAttribute("aria-invalid", "true");
          first = first || field;
        }
      });
      if (first) {
        first.focus();
      }
    }
    function formError(text) {
      form.querySelector('[data-sd-error="form"]').textContent = text;
    }

    function send(url, extra) {
      if (busy) {
        return;
      }
      busy = true;
      submit.disabled = true;
      clearErrors();
      status.textContent = "";
      save();
      var slow = window.setTimeout(function () {
        status.textContent = message(root, "slow");
      }, SLOW_AFTER);
      var request = postForm(form, extra, url);
      return request
        .then(function (body) {
          if (body.ok) {
            succeeded(body);
          } else if (body.errors && Object.keys(body.errors).length) {
            status.textContent = "";
            showErrors(body.errors);
          } else {
            status.textContent = "";
            formError(message(root, "server"));
          }
        })
        .catch(function () {
          status.textContent = "";
          formError(message(root, "network"));
        })
        .finally(function () {
          window.clearTimeout(slow);
          busy = false;
          submit.disabled = false;
        });
    }

    function succeeded(body) {
      var inquiry = body.inquiry;
      status.textContent = "";
      var link = document.createElement("a");
      link.href = inquiry.url;
      link.textContent = body.message;
      status.appendChild(link);
      updateQueue(body.queue);
      var keepSuggestions = inquiry.state !== "closed" && list.children.length;
      fields.forEach(function (name) {
        var field = form.elements[name];
        if (field && !(field instanceof RadioNodeList) && name !== "channel") {
          field.value = "";
        }
      });
      try {
        window.localStorage.removeItem(key);
      } catch (error) {
        /* ignore */
      }
      note.hidden = true;
      history.hidden = true;
      hint.hidden = true;
      if (keepSuggestions) {
        lastInquiry = inquiry;
        heading.textContent = message(root, "answer_for") + " " + inquiry.reference;
      } else {
        lastInquiry = null;
        list.innerHTML = "";
        box.hidden = true;
        heading.textContent = headingText;
      }
      form.elements.title.focus();
    }

    function render(items) {
      list.innerHTML = "";
      items.forEach(function (item) {
        var node = template.content.firstElementChild.cloneNode(true);
        var link = node.querySelector(".sd-suggestion-link");
        link.href = item.url;
        link.textContent = item.title;
        node.querySelector(".sd-suggestion-snippet").textContent = item.snippet || "";
        var button = node.querySelector(".sd-suggestion-use");
        button.dataset.faqUid = item.uid;
        button.setAttribute("aria-label", button.textContent.trim() + ": " + item.title);
        list.appendChild(node);
      });
      box.hidden = items.length === 0;
    }

    function suggest() {
      var text = form.elements.title.value.trim();
      if (pending) {
        pending.abort();
      }
      if (text.length < 3) {
        if (!lastInquiry) {
          render([]);
        }
        return;
      }
      lastInquiry = null;
      heading.textContent = headingText;
      pending = new AbortController();
      fetch(root.dataset.suggestUrl + "?q=" + encodeURIComponent(text), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
        signal: pending.signal,
      })
        .then(function (response) {
          return response.ok ? response.json() : { items: [] };
        })
        .then(function (body) {
          render(body.items || []);
        })
        .catch(function () {
          /* suggestions are optional; typing goes on */
        });
    }

    /* ---- the caller's earlier inquiries (POST: contact data stays out of URLs) ---- */
    var history = form.querySelector(".sd-caller-history");
    var historyList = history.querySelector("ul");
    var callerTimer = null;
    var callerPending = null;
    function callerKey() {
      var phone = form.elements.requester_phone.value.replace(/\D/g, "");
      var email = form.elements.requester_email.value.trim();
      return {
        phone: phone.length >= 8 ? form.elements.requester_phone.value : "",
        email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : "",
      };
    }
    function lookupCaller() {
      var key = callerKey();
      if (callerPending) {
        callerPending.abort();
      }
      if (!key.phone && !key.email) {
        history.hidden = true;
        return;
      }
      var data = new FormData();
      data.set("phone", key.phone);
      data.set("email", key.email);
      data.set("_authenticator", form.elements._authenticator.value);
      callerPending = new AbortController();
      fetch(root.dataset.callerUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRF-TOKEN": form.elements._authenticator.value },
        signal: callerPending.signal,
      })
        .then(function (response) {
          return response.ok ? response.json() : { items: [] };
        })
        .then(function (body) {
          historyList.innerHTML = "";
          (body.items || []).forEach(function (item) {
            var li = document.createElement("li");
            var link = document.createElement("a");
            link.href = item.url;
            link.textContent = item.reference + " " + item.title;
            li.appendChild(link);
            var meta = document.createElement("span");
            meta.className = "sd-caller-meta";
            meta.textContent = " " + item.created_local + " · " + item.state_title;
            li.appendChild(meta);
            historyList.appendChild(li);
          });
          if (!historyList.children.length) {
            var none = document.createElement("li");
            none.textContent = message(root, "no_earlier");
            historyList.appendChild(none);
          }
          history.hidden = false;
        })
        .catch(function () {
          /* the lookup is a help; registering goes on without it */
        });
    }

    /* ---- where the inquiry will go, before it is sent ---- */
    var hint = form.querySelector(".sd-routing-hint");
    function showRouting() {
      var category = form.elements.category ? form.elements.category.value : "";
      if (!category || !root.dataset.routingUrl) {
        hint.hidden = true;
        return;
      }
      fetch(root.dataset.routingUrl + "?category=" + encodeURIComponent(category), {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (body) {
          if (!body) {
            hint.hidden = true;
            return;
          }
          var target = body.handler_title || body.unit_title;
          hint.textContent = target
            ? message(root, "routes_to") + " " + target + (body.reason ? " (" + body.reason + ")" : "")
            : message(root, "routes_nowhere");
          hint.hidden = false;
        })
        .catch(function () {
          hint.hidden = true;
        });
    }

    form.addEventListener("input", function (event) {
      save();
      if (event.target.name === "title") {
        window.clearTimeout(timer);
        timer = window.setTimeout(suggest, SUGGEST_DELAY);
      }
      if (event.target.name === "requester_phone" || event.target.name === "requester_email") {
        window.clearTimeout(callerTimer);
        callerTimer = window.setTimeout(lookupCaller, SUGGEST_DELAY);
      }
    });
    form.addEventListener("change", function (event) {
      if (event.target.name === "category") {
        showRouting();
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send(null, {});
    });
    list.addEventListener("click", function (event) {
      var button = event.target.closest(".sd-suggestion-use");
      if (!button) {
        return;
      }
      var typed = form.elements.title.value.trim();
      if (lastInquiry && !typed) {
        send(root.dataset.answerUrl, { uid: lastInquiry.uid, faq_uid: button.dataset.faqUid });
      } else {
        send(null, { faq_uid: button.dataset.faqUid });
      }
    });
    root.addEventListener("toggle", function () {
      if (root.open) {
        form.elements.title.focus();
      }
    });
    restore();
  }

  /* ---- availability: one click, no page change ---- */
  function initAvailability(form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (!button || !button.value) {
        return;
      }
      event.preventDefault();
      var status = form.querySelector(".sd-status");
      postForm(form, { status: button.value })
        .then(function (body) {
          if (!body.ok) {
            status.textContent = Object.values(body.errors || {}).join(" ");
            return;
          }
          status.textContent = body.message;
          document.querySelectorAll(".sd-availability-form .sd-status-button").forEach(function (node) {
            node.setAttribute("aria-pressed", node.value === body.status ? "true" : "false");
          });
          document.querySelectorAll("[data-sd-my-status]").forEach(function (node) {
            node.textContent = body.title;
            node.className = "sd-status sd-status--" + body.status;
          });
        })
        .catch(function () {
          form.submit();
        });
    });
  }

  /* ---- keyboard: n opens the quick bar, ? lists the shortcuts, j/k move in lists ---- */
  function typing(target) {
    var name = (target && target.tagName) || "";
    return name === "INPUT" || name === "TEXTAREA" || name === "SELECT" || (target && target.isContentEditable);
  }
  function openQuickbar() {
    var bar = document.querySelector(".sd-ws-quickbar");
    if (!bar) {
      return false;
    }
    bar.open = true;
    var title = bar.querySelector("input[name=title]");
    if (title) {
      title.focus();
    }
    return true;
  }
  function listRows() {
    return Array.prototype.filter.call(
      document.querySelectorAll("#content table tbody tr, .sd-list-rows > li"),
      function (row) {
        return row.querySelector("a[href]") && row.offsetParent !== null;
      }
    );
  }
  function moveRow(step) {
    var rows = listRows();
    if (!rows.length) {
      return false;
    }
    var current = rows.findIndex(function (row) {
      return row.classList.contains("sd-row-current");
    });
    var next = Math.min(rows.length - 1, Math.max(0, current + step));
    if (current >= 0) {
      rows[current].classList.remove("sd-row-current");
    }
    rows[next].classList.add("sd-row-current");
    rows[next].querySelector("a[href]").focus();
    rows[next].scrollIntoView({ block: "nearest" });
    return true;
  }
  function shortcutHelp() {
    var source = document.querySelector(".sd-shortcuts-help");
    if (!source) {
      return false;
    }
    var dialog = document.getElementById("sd-shortcuts-dialog");
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.id = "sd-shortcuts-dialog";
      dialog.className = "sd-shortcuts-dialog";
      dialog.innerHTML = source.innerHTML;
      dialog.addEventListener("click", function (event) {
        if (event.target === dialog || event.target.closest(".sd-shortcuts-close")) {
          dialog.close();
        }
      });
      document.body.appendChild(dialog);
    }
    dialog.showModal();
    return true;
  }
  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey) {
      return;
    }
    var handled = false;
    if (event.altKey && event.shiftKey && (event.key === "N" || event.key === "n")) {
      handled = openQuickbar();
    } else if (event.altKey || typing(event.target)) {
      return;
    } else if (event.key === "n") {
      handled = openQuickbar();
    } else if (event.key === "?") {
      handled = shortcutHelp();
    } else if (event.key === "j") {
      handled = moveRow(1);
    } else if (event.key === "k") {
      handled = moveRow(-1);
    }
    if (handled) {
      event.preventDefault();
    }
  });

  /* ---- tally mode: one request per click, counts in place, undo ---- */
  function initTally(table) {
    var feedback = document.querySelector(".tally-feedback");
    if (!feedback) {
      return;
    }
    var status = feedback.querySelector(".tally-status");
    var undo = feedback.querySelector(".tally-undo");
    var last = null;
    function cell(category, channel) {
      return table.querySelector(
        '.tally-button[data-category="' + CSS.escape(category) + '"][data-channel="' + CSS.escape(channel) + '"] .tally-count'
      );
    }
    function show(body) {
      status.textContent = body.message || "";
      if (!body.ok) {
        return;
      }
      var count = cell(body.category, body.channel);
      if (count) {
        count.textContent = String(body.count);
      }
      document.querySelectorAll(".tally-total").forEach(function (node) {
        node.textContent = String(body.total);
      });
    }
    table.addEventListener("submit", function (event) {
      var form = event.target;
      event.preventDefault();
      var button = form.querySelector("button");
      button.disabled = true;
      postForm(form, {})
        .then(function (body) {
          show(body);
          if (body.ok && body.uid) {
            last = body.uid;
            undo.hidden = false;
          }
        })
        .catch(function () {
          form.submit(); /* no answer: let the plain form count it */
        })
        .finally(function () {
          button.disabled = false;
        });
    });
    undo.addEventListener("click", function () {
      if (!last) {
        return;
      }
      var form = table.querySelector("form");
      undo.disabled = true;
      postForm(form, { undo: last }, feedback.dataset.undoUrl)
        .then(function (body) {
          show(body);
          if (body.ok) {
            last = null;
            undo.hidden = true;
          }
        })
        .finally(function () {
          undo.disabled = false;
        });
    });
  }

  /* ---- lists: select rows, bulk actions, refresh in place ---- */
  var REFRESH_EVERY = 30000;
  function bulkForm(node) {
    var id = node.getAttribute("form");
    return id ? document.getElementById(id) : null;
  }
  function bulkSync(form) {
    var action = form.elements.action.value;
    form.querySelector(".sd-bulk-unit").hidden = action !== "forward";
    form.querySelector(".sd-bulk-tag").hidden = action !== "tag";
    var selected = document.querySelectorAll('.sd-bulk-row[form="' + form.id + '"]:checked').length;
    form.querySelector(".sd-bulk-count").textContent = selected ? "(" + selected + ")" : "";
  }
  function anySelected() {
    return document.querySelector(".sd-bulk-row:checked") !== null;
  }
  function refreshList(force) {
    var content = document.getElementById("content");
    if (!content || !content.querySelector(".servicedesk-inquiries, .servicedesk-empty")) {
      return Promise.resolve();
    }
    if (!force && (document.hidden || anySelected() || content.contains(document.activeElement) && /INPUT|SELECT|TEXTAREA/.test(document.activeElement.tagName))) {
      return Promise.resolve();
    }
    return fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("content");
        if (fresh && fresh.innerHTML !== content.innerHTML) {
          var status = content.querySelector(".sd-bulk-status");
          var text = status ? status.textContent : "";
          content.innerHTML = fresh.innerHTML;
          document.querySelectorAll("form.sd-bulk").forEach(bulkSync);
          var after = content.querySelector(".sd-bulk-status");
          if (after && text) {
            after.textContent = text;
          }
        }
      })
      .catch(function () {
        /* the list stays as it is; the next round tries again */
      });
  }
  function initLists() {
    if (!document.querySelector("form.sd-bulk, .servicedesk-inquiries")) {
      return;
    }
    document.querySelectorAll("form.sd-bulk").forEach(bulkSync);
    document.addEventListener("change", function (event) {
      var target = event.target;
      if (target.classList.contains("sd-bulk-all")) {
        var table = target.closest("table");
        table.querySelectorAll(".sd-bulk-row").forEach(function (box) {
          box.checked = target.checked;
        });
        var first = table.querySelector(".sd-bulk-row");
        if (first && bulkForm(first)) {
          bulkSync(bulkForm(first));
        }
      } else if (target.classList.contains("sd-bulk-row") && bulkForm(target)) {
        bulkSync(bulkForm(target));
      } else if (target.name === "action" && target.form && target.form.classList.contains("sd-bulk")) {
        bulkSync(target.form);
      }
    });
    document.addEventListener("submit", function (event) {
      var form = event.target;
      if (!form.classList || !form.classList.contains("sd-bulk")) {
        return;
      }
      event.preventDefault();
      var data = new FormData(form); /* includes the rows' checkboxes (form=) */
      var status = form.querySelector(".sd-bulk-status");
      /* getAttribute: the form's "action" select shadows form.action */
      fetch(form.getAttribute("action"), {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { Accept: "application/json", "X-CSRF-TOKEN": data.get("_authenticator") || "" },
      })
        .then(function (response) {
          return response.json();
        })
        .then(function (body) {
          var lines = [];
          if (body.ok) {
            lines.push(body.message);
            (body.refused || []).forEach(function (item) {
              lines.push((item.reference || item.uid) + ": " + item.message);
            });
          } else {
            lines = Object.values(body.errors || {});
          }
          status.textContent = lines.join(" · ");
          if (body.ok) {
            document.querySelectorAll(".sd-bulk-row:checked, .sd-bulk-all:checked").forEach(function (box) {
              box.checked = false;
            });
            refreshList(true);
          }
        })
        .catch(function () {
          form.submit();
        });
    });
    window.setInterval(function () {
      refreshList(false);
    }, REFRESH_EVERY);
  }

  function init() {
    initLists();
    document.querySelectorAll("table.servicedesk-tally").forEach(initTally);
    document.querySelectorAll(".sd-ws-quickbar").forEach(initQuickbar);
    document.querySelectorAll("form.sd-availability-form").forEach(initAvailability);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
