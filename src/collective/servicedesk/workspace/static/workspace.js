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
    var fields = ["title", "description", "category", "channel"];
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

    form.addEventListener("input", function (event) {
      save();
      if (event.target.name === "title") {
        window.clearTimeout(timer);
        timer = window.setTimeout(suggest, SUGGEST_DELAY);
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

  function init() {
    document.querySelectorAll(".sd-ws-quickbar").forEach(initQuickbar);
    document.querySelectorAll("form.sd-availability-form").forEach(initAvailability);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
