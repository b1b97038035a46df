// Suggestions in the search box as the citizen types: an ARIA 1.2 combobox
// (input role=combobox, aria-expanded, aria-controls -> role=listbox,
// aria-activedescendant). Up/Down move through the suggestions, Enter picks
// one (or searches what was typed), Escape closes the list (a second Escape
// clears the box); a polite live region says how many suggestions there are.
// The messages come translated from the page (data-msg-*). Served by the
// project itself: script-src 'self'.
(function () {
  "use strict";
  var DELAY = 120;

  function setup(input) {
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var status = document.getElementById(input.getAttribute("data-status"));
    var url = input.getAttribute("data-suggest-url");
    if (!list || !url) return;
    var form = input.form;
    var items = [];
    var active = -1;
    var timer = null;
    var seq = 0;
    var typed = input.value;

    function say(text) {
      if (status) status.textContent = text;
    }

    function open() {
      if (!items.length) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
      Array.prototype.forEach.call(list.children, function (li) { li.setAttribute("aria-selected", "false"); });
    }

    function highlight(index) {
      var options = list.children;
      if (!options.length) return;
      if (index < 0) index = options.length - 1;
      if (index >= options.length) index = 0;
      active = index;
      Array.prototype.forEach.call(options, function (li, i) {
        li.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest", inline: "nearest" });
    }

    function choose(index) {
      var item = items[index];
      if (!item) return;
      input.value = item.text;
      close();
      if (form) form.submit();
    }

    function render(found) {
      items = found;
      list.textContent = "";
      found.forEach(function (item, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.className = "suggest-option suggest-" + item.kind;
        li.textContent = item.text;
        li.addEventListener("mousedown", function (event) { event.preventDefault(); });
        li.addEventListener("click", function () { choose(i); });
        list.appendChild(li);
      });
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (found.length) {
        open();
        say((input.getAttribute("data-msg-count") || "%(count)s").replace("%(count)s", found.length));
      } else {
        close();
        say(input.value.trim() ? input.getAttribute("data-msg-none") || "" : "");
      }
    }

    function fetchSuggestions() {
      var q = input.value.trim();
      var mine = ++seq;
      if (!q) { render([]); return; }
      fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (mine === seq) render(data.suggestions || []); })
        .catch(function () { if (mine === seq) render([]); });
    }

    input.addEventListener("input", function () {
      if (input.value === typed) return;
      typed = input.value;
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = input.getAttribute("aria-expanded") === "true";
      if (event.key === "ArrowDown" || event.key === "Down") {
        event.preventDefault();
        if (!expanded) open();
        highlight(active + 1);
      } else if (event.key === "ArrowUp" || event.key === "Up") {
        event.preventDefault();
        if (!expanded) open();
        highlight(active < 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter") {
        if (expanded && active >= 0) {
          event.preventDefault();
          choose(active);
        }
      } else if (event.key === "Escape" || event.key === "Esc") {
        if (expanded) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          typed = "";
          render([]);
        }
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () { setTimeout(close, 150); });
    input.setAttribute("autocomplete", "off");
  }

  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest-url]"), setup);
})();
