/* Shows the chat page's unread count in the presence panel (same browser). */
(function () {
  "use strict";
  var UNREAD_KEY = "servicedesk-chat-unread";

  function show() {
    var unread = 0;
    try {
      unread = parseInt(localStorage.getItem(UNREAD_KEY) || "0", 10) || 0;
    } catch (e) {
      unread = 0;
    }
    document.querySelectorAll("[data-sd-chat-unread]").forEach(function (badge) {
      badge.textContent = String(unread);
      badge.hidden = unread === 0;
    });
  }

  window.addEventListener("storage", function (event) {
    if (event.key === UNREAD_KEY) {
      show();
    }
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
})();
