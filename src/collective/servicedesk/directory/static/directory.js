// Type-ahead for directory groups and people: inputs with data-directory-search
// fill their <datalist> from the search URL once enough characters are typed.
(function () {
  "use strict";
  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.getAttribute("data-directory-search");
    var min = parseInt(input.getAttribute("data-min-chars") || "2", 10);
    var timer = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var text = input.value.trim();
      if (text.length < min || text.indexOf("=") !== -1) {
        return;
      }
      timer = window.setTimeout(function () {
        fetch(url + "?q=" + encodeURIComponent(text), {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        })
          .then(function (response) {
            return response.json();
          })
          .then(function (data) {
            list.textContent = "";
            (data.items || []).forEach(function (item) {
              var option = document.createElement("option");
              option.value = item.dn || item.id;
              option.label = item.title || item.fullname || item.id;
              list.appendChild(option);
            });
          });
      }, 250);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-directory-search]").forEach(attach);
  });
})();
