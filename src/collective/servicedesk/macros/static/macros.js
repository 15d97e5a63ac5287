/* Reply macros: a type-ahead picker that inserts a filled macro into the reply. */
(function () {
  "use strict";

  function insert(textarea, text) {
    var start = textarea.selectionStart || 0;
    var end = textarea.selectionEnd || 0;
    var before = textarea.value.slice(0, start);
    var after = textarea.value.slice(end);
    textarea.value = before + text + after;
    var caret = before.length + text.length;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
    textarea.dispatchEvent(new Event("input", { bubbles: true }));
  }

  function setup(picker) {
    var input = picker.querySelector(".sd-macro-search");
    var list = picker.querySelector(".sd-macro-results");
    var status = picker.querySelector(".sd-macro-status");
    var textarea = document.getElementById(picker.dataset.target);
    var timer = null;
    var asked = 0;
    if (!input || !list || !textarea) {
      return;
    }

    function show(items) {
      list.replaceChildren();
      items.forEach(function (item) {
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "btn btn-sm btn-link sd-macro-insert";
        button.textContent = item.title;
        button.title = item.filled;
        button.addEventListener("click", function () {
          insert(textarea, item.filled);
          list.replaceChildren();
          status.textContent = picker.dataset.inserted || "";
        });
        li.appendChild(button);
        list.appendChild(li);
      });
      status.textContent = items.length ? "" : picker.dataset.none || "";
    }

    function search() {
      var number = ++asked;
      var url = picker.dataset.url + "?q=" + encodeURIComponent(input.value);
      fetch(url, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : { items: [] };
        })
        .then(function (data) {
          if (number === asked) {
            show(data.items || []);
          }
        })
        .catch(function () {
          status.textContent = picker.dataset.failed || "";
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, 200);
    });
    input.addEventListener("focus", search);
    input.addEventListener("keydown", function (event) {
      // Enter picks the first match instead of sending the reply form.
      if (event.key === "Enter") {
        event.preventDefault();
        var first = list.querySelector(".sd-macro-insert");
        if (first) {
          first.click();
        }
      }
    });
  }

  function init() {
    document.querySelectorAll(".sd-macro-picker").forEach(setup);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
