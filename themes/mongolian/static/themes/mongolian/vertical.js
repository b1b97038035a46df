// Vertical Mongolian pages overflow sideways: turn the mouse wheel's vertical
// movement into horizontal scrolling, and let the keyboard scroll the focused
// block (the blocks are focusable; see layout). Touch scrolling is native.
(function () {
  "use strict";
  var blocks = document.querySelectorAll(".vertical-mongolian .main > .wrap");
  blocks.forEach(function (block) {
    if (!block.hasAttribute("tabindex")) block.setAttribute("tabindex", "0");
    block.addEventListener("wheel", function (event) {
      if (event.deltaY === 0 || event.ctrlKey) return;
      var max = block.scrollWidth - block.clientWidth;
      if (max <= 0) return;
      var next = Math.min(max, Math.max(0, block.scrollLeft + event.deltaY));
      if (next !== block.scrollLeft) {
        block.scrollLeft = next;
        event.preventDefault();
      }
    }, { passive: false });
  });
})();
