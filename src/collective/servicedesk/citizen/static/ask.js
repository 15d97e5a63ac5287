/* FAQ suggestions while the citizen types, before the question is sent. */
(function () {
  "use strict";
  var root = document.getElementById("servicedesk-ask");
  if (!root) {
    return;
  }
  var portal = root.getAttribute("data-portal-url");
  var question = document.getElementById("servicedesk-question");
  var box = document.getElementById("servicedesk-faq");
  var timer = null;
  var last = "";

  function render(items) {
    box.textContent = "";
    if (!items.length) {
      box.hidden = true;
      return;
    }
    var heading = document.createElement("p");
    heading.textContent = box.getAttribute("data-heading");
    box.appendChild(heading);
    var list = document.createElement("ul");
    items.forEach(function (item) {
      var entry = document.createElement("li");
      var link = document.createElement("a");
      link.href = item["@id"];
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = item.title;
      entry.appendChild(link);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-sm btn-outline-success";
      button.textContent = box.getAttribute("data-answered-label");
      button.addEventListener("click", function () {
        answered(item.UID);
      });
      entry.appendChild(button);
      list.appendChild(entry);
    });
    box.appendChild(list);
    box.hidden = false;
  }

  function answered(uid) {
    fetch(portal + "/@servicedesk-faq-answered", {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ faq: uid }),
    }).finally(function () {
      box.textContent = box.getAttribute("data-thanks");
    });
  }

  function lookup() {
    var text = question.value.trim();
    if (text.length < 10 || text === last) {
      return;
    }
    last = text;
    fetch(portal + "/@servicedesk-faq-public?q=" + encodeURIComponent(text), {
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.ok ? response.json() : { items: [] };
      })
      .then(function (data) {
        render(data.items || []);
      })
      .catch(function () {});
  }

  // Contact fields only when an answer by e-mail or SMS is wanted; the server
  // drops them anyway for an anonymous question.
  var details = root.querySelector(".servicedesk-contact-details");
  function toggleDetails() {
    var anonymous = document.getElementById("servicedesk-contact-anonymous");
    if (details && anonymous) {
      details.hidden = anonymous.checked;
    }
  }
  root.querySelectorAll("input[name='contact']").forEach(function (radio) {
    radio.addEventListener("change", toggleDetails);
  });
  toggleDetails();

  question.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(lookup, 500);
  });
})();
